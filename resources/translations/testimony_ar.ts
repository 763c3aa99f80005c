<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AppController</name>
    <message>
        <source>Opened with the recovery code. Set a new passphrase from the Vault menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault erased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault was erased; its keys were destroyed in %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can now create a new, empty vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Attachment — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the attachment from the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of file cannot be shown inside the app; it is stored encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This picture is too large to show inside the app (more than %1). It is stored encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 × %3 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored copy of this file does not match the fingerprint (SHA-256) recorded when it was added. It may be damaged, so it is not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file could not be read as a picture, so it is not shown. It is stored encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This attachment is no longer in the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment could not be read from the vault.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose files to attach, or drop them on this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files here to attach them. They are stored encrypted in the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files can be attached once the testimony is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The testimony is no longer in the vault; the file was not attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only files can be attached, not folders or devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be opened: permission denied. Nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is no longer there. Nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is not enough free space on this computer. Nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be added. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a new passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old passphrase stops working. The recovery code keeps working. Copies of the vault made earlier still open with the old passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add more words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair: one or two more words would help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <source>Testimony — new vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything you record is stored encrypted in this vault. Choose a passphrase: a few unrelated words are easier to remember and harder to guess than a short password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add more words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair: one or two more words would help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down your recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you forget your passphrase, this code is the only way back into the vault. Write it on paper now and keep it apart from this computer. It is shown only this once and is not stored anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have written the recovery code down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntitiesPanel</name>
    <message>
        <source>A name, private place or number that must not be published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other ways it is written, separated by commas: Abu Ayham, أبو أيهم</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing registered yet. Select a name or place in the narrative and register it, or type it above: redaction removes every registered entity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social media handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase everything in this vault?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys are destroyed at once; every testimony, witness and attachment in this vault becomes unreadable noise, for you too. The passphrase and the recovery code will no longer open it. Backups and exports you made elsewhere are not affected. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To confirm, type %1 below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>The recovery code is mistyped. Check it symbol by symbol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is in use by another program. Close it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no vault here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vault or other files are already in that folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is damaged and cannot be opened. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields are not valid; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The testimony was changed elsewhere meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That record no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachment does not match what was stored. It may be damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation failed. Nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside the app. Nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as described by the witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perpetrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Victims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approximate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date like 2025-03-07</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a month like 2025-03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a year like 2025</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a date like 2025-03-07, a month like 2025-03 or a year like 2025</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type {expected}, or leave it empty if the date is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such day: type {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentsPanel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perpetrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Victims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No incidents yet. Add one for each event the witness describes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approximate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IngestRow</name>
    <message>
        <source>Waiting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterviewForm</name>
    <message>
        <source>Interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent was given and recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May be shared with editors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May be published anonymised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May be quoted word for word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date consent was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kurdish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Testimony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New testimony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete testimony…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register selection as sensitive name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New testimony %1 created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete testimony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete testimony %1 with all its versions and attachments? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testimony deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevisionsPanel</name>
    <message>
        <source>Choose a version to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every save keeps the version before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring back this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A new language takes effect the next time the app starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after no activity for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestimonyEditor</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the witness said, in their words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview and consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testimony %1 · witness %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All changes saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: check these fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: the vault could not store the change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestimonyListPanel</name>
    <message>
        <source>Search testimonies (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestimonyTableModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Testimony — locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Erase vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the recovery code you wrote down when the vault was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WitnessRegister</name>
    <message>
        <source>Witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Displacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demographics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 50-59</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>man</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>woman</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save demographics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity (kept apart, never exported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity details are shown only on request; viewing them is logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname or kunya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>National ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New witness %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_EntitiesDelegate</name>
    <message>
        <source>Other spellings, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Choose files to attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
