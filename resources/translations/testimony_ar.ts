<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AddRecipientForm</name>
    <message>
        <source>Who they are, as you will recognise them</source>
        <translation>من هم، بالاسم الذي تعرفهم به</translation>
    </message>
    <message>
        <source>Add recipient</source>
        <translation>إضافة المستلم</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>المفتاح العام</translation>
    </message>
    <message>
        <source>Give the recipient a name.</source>
        <translation>اكتب اسماً للمستلم.</translation>
    </message>
    <message>
        <source>Paste the recipient&apos;s public key; it starts with age1.</source>
        <translation>الصق المفتاح العام للمستلم؛ وهو يبدأ بـ age1.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Opened with the recovery code. Set a new passphrase from the Vault menu.</source>
        <translation>فُتحت الخزنة برمز الاسترداد. عيّن عبارة مرور جديدة من قائمة «الخزنة».</translation>
    </message>
    <message>
        <source>Vault unlocked</source>
        <translation>الخزنة مفتوحة</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>تم تغيير عبارة المرور.</translation>
    </message>
    <message>
        <source>Vault locked</source>
        <translation>الخزنة مقفلة</translation>
    </message>
    <message>
        <source>Vault erased</source>
        <translation>تم مسح الخزنة</translation>
    </message>
    <message>
        <source>The vault was erased; its keys were destroyed in %1 seconds.</source>
        <translation>تم مسح الخزنة؛ أُتلفت مفاتيحها خلال %1 ثانية.</translation>
    </message>
    <message>
        <source>You can now create a new, empty vault.</source>
        <translation>يمكنك الآن إنشاء خزنة جديدة فارغة.</translation>
    </message>
    <message>
        <source>Erase failed</source>
        <translation>تعذّر المسح</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Attachment — %1</source>
        <translation>مرفق — %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Reading the attachment from the vault…</source>
        <translation>جارٍ قراءة المرفق من الخزنة…</translation>
    </message>
    <message>
        <source>Only the first %1 are shown.</source>
        <translation>لا يُعرض إلا أول %1.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>تاريخ الإضافة</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>بصمة SHA-256</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 بايت)</translation>
    </message>
    <message>
        <source>This kind of file cannot be shown inside the app; it is stored encrypted.</source>
        <translation>لا يمكن عرض هذا النوع من الملفات داخل التطبيق؛ وهو محفوظ مشفّراً.</translation>
    </message>
    <message>
        <source>This picture is too large to show inside the app (more than %1). It is stored encrypted.</source>
        <translation>هذه الصورة أكبر من أن تُعرض داخل التطبيق (أكثر من %1). وهي محفوظة مشفّرة.</translation>
    </message>
    <message>
        <source>%1 · %2 × %3 pixels</source>
        <translation>%1 · %2 × %3 بكسل</translation>
    </message>
    <message>
        <source>The stored copy of this file does not match the fingerprint (SHA-256) recorded when it was added. It may be damaged, so it is not shown.</source>
        <translation>النسخة المحفوظة من هذا الملف لا تطابق البصمة (SHA-256) المسجّلة عند إضافته. قد تكون تالفة، لذلك لا تُعرض.</translation>
    </message>
    <message>
        <source>This file could not be read as a picture, so it is not shown. It is stored encrypted.</source>
        <translation>تعذّرت قراءة هذا الملف كصورة، لذلك لا يُعرض. وهو محفوظ مشفّراً.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>الخزنة مقفلة.</translation>
    </message>
    <message>
        <source>This attachment is no longer in the vault.</source>
        <translation>هذا المرفق لم يعد موجوداً في الخزنة.</translation>
    </message>
    <message>
        <source>The attachment could not be read from the vault.</source>
        <translation>تعذّرت قراءة المرفق من الخزنة.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>إضافة…</translation>
    </message>
    <message>
        <source>Choose files to attach, or drop them on this list</source>
        <translation>اختر ملفات لإرفاقها، أو أفلتها على هذه القائمة</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>المرفقات</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>Drop files here to attach them. They are stored encrypted in the vault.</source>
        <translation>أفلت الملفات هنا لإرفاقها. تُحفظ مشفّرة في الخزنة.</translation>
    </message>
    <message>
        <source>Files can be attached once the testimony is saved.</source>
        <translation>يمكن إرفاق الملفات بعد حفظ الشهادة.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>الخزنة مقفلة.</translation>
    </message>
    <message>
        <source>The testimony is no longer in the vault; the file was not attached.</source>
        <translation>الشهادة لم تعد موجودة في الخزنة؛ لم يُرفق الملف.</translation>
    </message>
    <message>
        <source>Only files can be attached, not folders or devices.</source>
        <translation>يمكن إرفاق الملفات فقط، لا المجلدات ولا الأجهزة.</translation>
    </message>
    <message>
        <source>The file could not be opened: permission denied. Nothing was added.</source>
        <translation>تعذّر فتح الملف: لا تملك إذناً بذلك. لم يُضف شيء.</translation>
    </message>
    <message>
        <source>The file is no longer there. Nothing was added.</source>
        <translation>الملف لم يعد موجوداً. لم يُضف شيء.</translation>
    </message>
    <message>
        <source>There is not enough free space on this computer. Nothing was added.</source>
        <translation>لا توجد مساحة فارغة كافية على هذا الحاسوب. لم يُضف شيء.</translation>
    </message>
    <message>
        <source>The file could not be added. Nothing was saved.</source>
        <translation>تعذّرت إضافة الملف. لم يُحفظ شيء.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>تغيير عبارة المرور</translation>
    </message>
    <message>
        <source>Choose a new passphrase</source>
        <translation>اختر عبارة مرور جديدة</translation>
    </message>
    <message>
        <source>The old passphrase stops working. The recovery code keeps working. Copies of the vault made earlier still open with the old passphrase.</source>
        <translation>ستتوقف عبارة المرور القديمة عن العمل، ويبقى رمز الاسترداد صالحاً. أما النسخ الاحتياطية من الخزنة المأخوذة قبل الآن فتبقى تُفتح بعبارة المرور القديمة.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>عبارة المرور الجديدة</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <source>Testimony — new vault</source>
        <translation>شهادة — خزنة جديدة</translation>
    </message>
    <message>
        <source>Create a vault</source>
        <translation>إنشاء خزنة</translation>
    </message>
    <message>
        <source>Everything you record is stored encrypted in this vault. Choose a passphrase: a few unrelated words are easier to remember and harder to guess than a short password.</source>
        <translation>كل ما تسجّله يُحفظ مشفّراً في هذه الخزنة. اختر عبارة مرور: بضع كلمات لا رابط بينها أسهل في التذكّر وأصعب في التخمين من كلمة سر قصيرة.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>إنشاء الخزنة</translation>
    </message>
    <message>
        <source>Write down your recovery code</source>
        <translation>دوّن رمز الاسترداد</translation>
    </message>
    <message>
        <source>If you forget your passphrase, this code is the only way back into the vault. Write it on paper now and keep it apart from this computer. It is shown only this once and is not stored anywhere.</source>
        <translation>إذا نسيت عبارة المرور فهذا الرمز هو الطريق الوحيد للعودة إلى الخزنة. اكتبه على ورقة الآن واحفظها بعيداً عن هذا الحاسوب. لن يُعرض إلا هذه المرة، ولا يُحفظ في أي مكان.</translation>
    </message>
    <message>
        <source>I have written the recovery code down</source>
        <translation>لقد دوّنت رمز الاسترداد</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>متابعة</translation>
    </message>
</context>
<context>
    <name>DestinationPage</name>
    <message>
        <source>Choose where to save the bundle. It is encrypted: only its recipients can open it, so it may travel on a USB stick or by e-mail.</source>
        <translation>اختر مكان حفظ الحزمة. الحزمة مشفّرة ولا يفتحها إلا مستلموها، لذا يمكن نقلها على ذاكرة محمولة أو إرسالها بالبريد الإلكتروني.</translation>
    </message>
    <message>
        <source>No file chosen yet</source>
        <translation>لم يُختر ملف بعد</translation>
    </message>
    <message>
        <source>Bundle file</source>
        <translation>ملف الحزمة</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message numerus="yes">
        <source>There are %n recipients: one file is written for each, next to the name you chose:</source>
        <translation>
            <numerusform>هناك %n مستلم: يُكتب ملف لكل منهم، بجانب الاسم الذي اخترته:</numerusform>
            <numerusform>هناك مستلم واحد: يُكتب له ملف بجانب الاسم الذي اخترته:</numerusform>
            <numerusform>هناك مستلمان: يُكتب ملف لكل منهما، بجانب الاسم الذي اخترته:</numerusform>
            <numerusform>هناك %n مستلمين: يُكتب ملف لكل منهم، بجانب الاسم الذي اخترته:</numerusform>
            <numerusform>هناك %n مستلماً: يُكتب ملف لكل منهم، بجانب الاسم الذي اخترته:</numerusform>
            <numerusform>هناك %n مستلم: يُكتب ملف لكل منهم، بجانب الاسم الذي اخترته:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — for %2</source>
        <translation>%1 — إلى %2</translation>
    </message>
    <message>
        <source>One file, for %1.</source>
        <translation>ملف واحد، إلى %1.</translation>
    </message>
    <message>
        <source>Files that exist already and will be replaced: %1.</source>
        <translation>ملفات موجودة من قبل وستُستبدل: %1.</translation>
    </message>
</context>
<context>
    <name>EntitiesPanel</name>
    <message>
        <source>A name, private place or number that must not be published</source>
        <translation>اسم أو مكان خاص أو رقم يجب ألّا يُنشر</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>تسجيل</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>الصيغ الأخرى</translation>
    </message>
    <message>
        <source>Other ways it is written, separated by commas: Abu Ayham, أبو أيهم</source>
        <translation>طرق أخرى لكتابته، مفصولة بفواصل: أبو أيهم، Abu Ayham</translation>
    </message>
    <message>
        <source>Nothing registered yet. Select a name or place in the narrative and register it, or type it above: redaction removes every registered entity.</source>
        <translation>لم يُسجَّل شيء بعد. حدّد اسماً أو مكاناً في نص الإفادة وسجّله، أو اكتبه في الحقل أعلاه: الحجب يزيل كل ما هو مسجَّل هنا.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>Private place</source>
        <translation>مكان خاص</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>هاتف</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>بريد إلكتروني</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>رقم هوية</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>تاريخ الميلاد</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>لوحة مركبة</translation>
    </message>
    <message>
        <source>Social media handle</source>
        <translation>حساب تواصل اجتماعي</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>غير ذلك</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase the vault</source>
        <translation>مسح الخزنة</translation>
    </message>
    <message>
        <source>Erase everything in this vault?</source>
        <translation>هل تريد مسح كل ما في هذه الخزنة؟</translation>
    </message>
    <message>
        <source>The keys are destroyed at once; every testimony, witness and attachment in this vault becomes unreadable noise, for you too. The passphrase and the recovery code will no longer open it. Backups and exports you made elsewhere are not affected. This cannot be undone.</source>
        <translation>تُتلف المفاتيح فوراً، فتصبح كل شهادة وكل شاهد وكل مرفق في هذه الخزنة بيانات لا يمكن قراءتها، حتى بالنسبة إليك. لن تفتحها عبارة المرور ولا رمز الاسترداد بعد الآن. لا يتأثر ما حفظته في أماكن أخرى من نسخ احتياطية أو ملفات مُصدَّرة. لا يمكن التراجع عن هذا.</translation>
    </message>
    <message>
        <source>To confirm, type %1 below.</source>
        <translation>للتأكيد، اكتب %1 في الحقل أدناه.</translation>
    </message>
    <message>
        <source>Erase now</source>
        <translation>امسح الآن</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>This file is not a bundle: it is not encrypted the way bundles are.</source>
        <translation>هذا الملف ليس حزمة: فهو غير مشفّر بالطريقة التي تُشفَّر بها الحزم.</translation>
    </message>
    <message>
        <source>This bundle cannot be opened with your identity file: it was made for someone else, or its beginning was changed. Check that you chose your own identity file.</source>
        <translation>لا يمكن فتح هذه الحزمة بملف مفتاحك: فقد صُنعت لشخص آخر، أو غُيِّرت بدايتها. تأكّد أنك اخترت ملف مفتاحك أنت.</translation>
    </message>
    <message>
        <source>The bundle is damaged, or it was changed after it was made.</source>
        <translation>الحزمة تالفة، أو غُيِّرت بعد صنعها.</translation>
    </message>
    <message>
        <source>The bundle is not laid out as a bundle must be: its signed list of contents does not come first.</source>
        <translation>ترتيب الحزمة غير صحيح: قائمة محتوياتها الموقّعة ليست في أولها.</translation>
    </message>
    <message>
        <source>The bundle&apos;s list of contents is not valid.</source>
        <translation>قائمة محتويات الحزمة غير صالحة.</translation>
    </message>
    <message>
        <source>The bundle&apos;s signature does not match its list of contents: it may have been changed.</source>
        <translation>توقيع الحزمة لا يطابق قائمة محتوياتها: ربما غُيِّرت.</translation>
    </message>
    <message>
        <source>The sender did not address this bundle to you: it was signed for someone else and encrypted to you afterwards.</source>
        <translation>لم يوجّه المرسِل هذه الحزمة إليك: فقد وُقّعت لشخص آخر ثم شُفّرت لك بعد ذلك.</translation>
    </message>
    <message>
        <source>The bundle comes from a sender you have not trusted yet.</source>
        <translation>الحزمة من مرسِل لم تمنحه ثقتك بعد.</translation>
    </message>
    <message>
        <source>This bundle, or a newer one from the same sender, was opened before. It is not imported again.</source>
        <translation>فُتحت هذه الحزمة من قبل، أو حزمة أحدث منها من المرسِل نفسه. لن تُستورد مرة أخرى.</translation>
    </message>
    <message>
        <source>The bundle holds a file that its signed list of contents omits.</source>
        <translation>في الحزمة ملف لا تذكره قائمة محتوياتها الموقّعة.</translation>
    </message>
    <message>
        <source>The bundle holds the same file twice.</source>
        <translation>في الحزمة الملف نفسه مرتين.</translation>
    </message>
    <message>
        <source>A file that the bundle&apos;s list of contents names is missing.</source>
        <translation>ملف تذكره قائمة محتويات الحزمة مفقود.</translation>
    </message>
    <message>
        <source>A file in the bundle is not the size that was signed.</source>
        <translation>حجم ملف في الحزمة يختلف عن الحجم الموقّع.</translation>
    </message>
    <message>
        <source>A file in the bundle is not the one that was signed: it was changed.</source>
        <translation>ملف في الحزمة ليس هو الملف الموقّع: لقد غُيِّر.</translation>
    </message>
    <message>
        <source>The archive inside the bundle is malformed or unsafe.</source>
        <translation>الأرشيف داخل الحزمة مشوّه أو غير آمن.</translation>
    </message>
    <message>
        <source>A testimony in the bundle is not valid.</source>
        <translation>شهادة في الحزمة غير صالحة.</translation>
    </message>
    <message>
        <source>The bundle could not be checked.</source>
        <translation>تعذّر فحص الحزمة.</translation>
    </message>
    <message>
        <source>This testimony is no longer in the vault.</source>
        <translation>هذه الشهادة لم تعد موجودة في الخزنة.</translation>
    </message>
    <message>
        <source>No consent is recorded for this testimony.</source>
        <translation>لا توجد موافقة مسجّلة لهذه الشهادة.</translation>
    </message>
    <message>
        <source>The witness did not agree to share this testimony with editors.</source>
        <translation>لم يوافق الشاهد على مشاركة هذه الشهادة مع المحرّرين.</translation>
    </message>
    <message>
        <source>The witness did not agree to anonymised publication, which the publication profile needs.</source>
        <translation>لم يوافق الشاهد على النشر دون كشف الهوية، وهو ما يتطلّبه ملف النشر.</translation>
    </message>
    <message>
        <source>Not marked reviewed: it can go only if you accept automatic redaction below.</source>
        <translation>لم تُعلَّم كمُراجَعة: لا تخرج إلا إذا قبلت الحجب التلقائي أدناه.</translation>
    </message>
    <message>
        <source>An attachment is in a format the app cannot clean of hidden details.</source>
        <translation>أحد المرفقات بصيغة لا يستطيع التطبيق تنظيفها من البيانات المخفية.</translation>
    </message>
    <message>
        <source>This testimony cannot be exported.</source>
        <translation>لا يمكن تصدير هذه الشهادة.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was written.</source>
        <translation>أُلغيت العملية. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Some testimonies may not go; nothing was written.</source>
        <translation>بعض الشهادات لا يجوز أن تخرج؛ لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Choose at least one recipient.</source>
        <translation>اختر مستلماً واحداً على الأقل.</translation>
    </message>
    <message>
        <source>Choose at least one testimony.</source>
        <translation>اختر شهادة واحدة على الأقل.</translation>
    </message>
    <message>
        <source>An attachment is in a format the app cannot clean. Nothing was written.</source>
        <translation>أحد المرفقات بصيغة لا يستطيع التطبيق تنظيفها. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>An attachment could not be cleaned: it is damaged or too large. Nothing was written.</source>
        <translation>تعذّر تنظيف أحد المرفقات: فهو تالف أو كبير جداً. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>An attachment changed while the bundle was written. Nothing was written.</source>
        <translation>تغيّر أحد المرفقات أثناء كتابة الحزمة. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>That is not an age public key. A public key starts with age1 and is one unbroken line of letters and digits.</source>
        <translation>هذا ليس مفتاحاً عاماً صالحاً. يبدأ المفتاح العام بـ age1، وهو سطر واحد متصل من الحروف والأرقام.</translation>
    </message>
    <message>
        <source>That file is not an identity file. Choose the secret key file made for you with the app or with age-keygen.</source>
        <translation>هذا الملف ليس ملف مفتاح. اختر ملف المفتاح السري الذي أُنشئ لك بالتطبيق أو بأداة age-keygen.</translation>
    </message>
    <message>
        <source>Give a name, of at most 200 characters.</source>
        <translation>اكتب اسماً لا يزيد على 200 حرف.</translation>
    </message>
    <message>
        <source>Permission denied: the app may not use that file or folder.</source>
        <translation>الإذن مرفوض: لا يُسمح للتطبيق باستخدام ذلك الملف أو المجلد.</translation>
    </message>
    <message>
        <source>There is not enough free space there. Nothing was written.</source>
        <translation>لا توجد مساحة فارغة كافية هناك. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>The file is not there, or it is a folder.</source>
        <translation>الملف غير موجود، أو هو مجلد.</translation>
    </message>
    <message>
        <source>The recovery code is mistyped. Check it symbol by symbol.</source>
        <translation>في رمز الاسترداد خطأ في الكتابة. راجعه حرفاً حرفاً.</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>عبارة المرور خاطئة. حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The passphrase is too short.</source>
        <translation>عبارة المرور قصيرة جداً.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>الخزنة مقفلة.</translation>
    </message>
    <message>
        <source>The vault is in use by another program. Close it and try again.</source>
        <translation>الخزنة مفتوحة في برنامج آخر. أغلقه ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>There is no vault here.</source>
        <translation>لا توجد خزنة هنا.</translation>
    </message>
    <message>
        <source>A vault or other files are already in that folder.</source>
        <translation>يوجد في ذلك المجلد خزنة أو ملفات أخرى.</translation>
    </message>
    <message>
        <source>The vault is damaged and cannot be opened. Nothing was changed.</source>
        <translation>الخزنة تالفة ولا يمكن فتحها. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Some fields are not valid; nothing was saved.</source>
        <translation>بعض الحقول غير صالحة؛ لم يُحفظ شيء.</translation>
    </message>
    <message>
        <source>The testimony was changed elsewhere meanwhile.</source>
        <translation>عُدّلت الشهادة في مكان آخر في هذه الأثناء.</translation>
    </message>
    <message>
        <source>That record no longer exists.</source>
        <translation>هذا السجل لم يعد موجوداً.</translation>
    </message>
    <message>
        <source>The attachment does not match what was stored. It may be damaged.</source>
        <translation>المرفق لا يطابق ما حُفظ. قد يكون تالفاً.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was saved.</source>
        <translation>أُلغيت العملية. لم يُحفظ شيء.</translation>
    </message>
    <message>
        <source>The operation failed. Nothing was lost.</source>
        <translation>فشلت العملية. لم يُفقد شيء.</translation>
    </message>
    <message>
        <source>Something went wrong inside the app. Nothing was lost.</source>
        <translation>حدث خطأ داخل التطبيق. لم يُفقد شيء.</translation>
    </message>
</context>
<context>
    <name>ExportDonePage</name>
    <message>
        <source>Before the editor trusts these bundles, read them this fingerprint of your signing key aloud, group by group (by phone or in person, not in the same message as the bundle):</source>
        <translation>قبل أن يثق المحرّر بهذه الحزم، اقرأ له بصوت مسموع بصمة مفتاح توقيعك هذه، مجموعةً مجموعة (بالهاتف أو وجهاً لوجه، لا في الرسالة نفسها التي تحمل الحزمة):</translation>
    </message>
    <message>
        <source>Done. Bundles written: %1.</source>
        <translation>تمّ. الحزم المكتوبة: %1.</translation>
    </message>
    <message>
        <source>For</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>بصمة SHA-256</translation>
    </message>
</context>
<context>
    <name>ExportProgressPage</name>
    <message>
        <source>Cancel the export</source>
        <translation>إلغاء التصدير</translation>
    </message>
    <message>
        <source>Redacting the testimonies and cleaning the files…</source>
        <translation>جارٍ حجب الشهادات وتنظيف الملفات…</translation>
    </message>
    <message>
        <source>Nothing is written until the bundle is complete; Cancel leaves no file.</source>
        <translation>لا يُكتب شيء حتى تكتمل الحزمة؛ والإلغاء لا يترك أي ملف.</translation>
    </message>
    <message>
        <source>Writing bundle %1 of %2…</source>
        <translation>جارٍ كتابة الحزمة %1 من %2…</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>جارٍ كتابة الحزمة…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <source>Cancelled, nothing written.</source>
        <translation>أُلغي التصدير، ولم يُكتب شيء.</translation>
    </message>
    <message>
        <source>You can go back and export again, or close.</source>
        <translation>يمكنك الرجوع والتصدير من جديد، أو الإغلاق.</translation>
    </message>
</context>
<context>
    <name>ExportWizard</name>
    <message>
        <source>Export testimonies</source>
        <translation>تصدير الشهادات</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>الشهادات</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>ملف الحجب</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>المستلمون</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>Where to save</source>
        <translation>مكان الحفظ</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>جارٍ التصدير</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>اكتمل التصدير</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>الخطوة %1 من %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Testimonies chosen: %1. Redacted: %2. Recipients: %3.</source>
        <translation>الشهادات المختارة: %1. الحجب: %2. المستلمون: %3.</translation>
    </message>
    <message>
        <source>Send %1 (interview of %2)</source>
        <translation>إرسال %1 (مقابلة %2)</translation>
    </message>
    <message>
        <source>Send %1</source>
        <translation>إرسال %1</translation>
    </message>
    <message>
        <source>Some testimonies may not go after all. Nothing was written.</source>
        <translation>تبيّن أن بعض الشهادات لا يجوز أن تخرج. لم يُكتب شيء.</translation>
    </message>
    <message>
        <source>Something changed since the review. Go back to review them again.</source>
        <translation>تغيّر شيء منذ المراجعة. ارجع لمراجعتها من جديد.</translation>
    </message>
    <message>
        <source>Nothing was written. You can go back and try again.</source>
        <translation>لم يُكتب شيء. يمكنك الرجوع والمحاولة من جديد.</translation>
    </message>
</context>
<context>
    <name>ImportedAttachmentViewer</name>
    <message>
        <source>Attachment — %1</source>
        <translation>مرفق — %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Reading the file from the vault…</source>
        <translation>جارٍ قراءة الملف من الخزنة…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>This kind of file cannot be shown inside the app. SHA-256: %1</source>
        <translation>لا يمكن عرض هذا النوع من الملفات داخل التطبيق. بصمة SHA-256: %1</translation>
    </message>
    <message>
        <source>This file is too large to show inside the app.</source>
        <translation>هذا الملف أكبر من أن يُعرض داخل التطبيق.</translation>
    </message>
    <message>
        <source>This file could not be shown: it is not what it says it is.</source>
        <translation>تعذّر عرض هذا الملف: فهو ليس ما يدّعي أنه هو.</translation>
    </message>
</context>
<context>
    <name>ImportedBrowser</name>
    <message>
        <source>Imported testimonies</source>
        <translation>الشهادات المستوردة</translation>
    </message>
    <message>
        <source>Senders, bundles and testimonies</source>
        <translation>المرسِلون والحزم والشهادات</translation>
    </message>
    <message>
        <source>From whom, which bundle</source>
        <translation>ممّن، وأي حزمة</translation>
    </message>
    <message>
        <source>Nothing imported yet.</source>
        <translation>لم يُستورد شيء بعد.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Imported %1. Testimonies: %2.</source>
        <translation>استُوردت في %1. الشهادات: %2.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>جارٍ القراءة…</translation>
    </message>
    <message>
        <source>A sender no longer trusted</source>
        <translation>مرسِل لم يعد موثوقاً</translation>
    </message>
    <message>
        <source>%1 — key %2</source>
        <translation>%1 — المفتاح %2</translation>
    </message>
    <message>
        <source>for an editor</source>
        <translation>لمحرّر</translation>
    </message>
    <message>
        <source>for publication</source>
        <translation>للنشر</translation>
    </message>
    <message>
        <source>Bundle of %1, %2</source>
        <translation>حزمة %1، %2</translation>
    </message>
    <message>
        <source>%1, interview of %2</source>
        <translation>%1، مقابلة %2</translation>
    </message>
</context>
<context>
    <name>ImportedTestimonyView</name>
    <message>
        <source>Read only: as the bundle brought it.</source>
        <translation>للقراءة فقط: كما جاءت في الحزمة.</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>المقابلة</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>الشاهد</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>ما حدث</translation>
    </message>
    <message>
        <source>By whom</source>
        <translation>على يد من</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>الضحايا</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>الإفادة</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>المرفقات</translation>
    </message>
    <message>
        <source>Choose a testimony on the left to read it.</source>
        <translation>اختر شهادة من القائمة لقراءتها.</translation>
    </message>
    <message>
        <source>Testimony %1 · witness %2</source>
        <translation>الشهادة %1 · الشاهد %2</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>العمر %1</translation>
    </message>
    <message>
        <source>man</source>
        <translation>رجل</translation>
    </message>
    <message>
        <source>woman</source>
        <translation>امرأة</translation>
    </message>
    <message>
        <source>other gender</source>
        <translation>جنس آخر</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>غير مسجّلة</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>مسجّلة</translation>
    </message>
    <message>
        <source>shared with editors</source>
        <translation>تجوز مشاركتها مع المحرّرين</translation>
    </message>
    <message>
        <source>may be published anonymised</source>
        <translation>يجوز نشرها دون كشف الهوية</translation>
    </message>
    <message>
        <source>may be quoted word for word</source>
        <translation>يجوز الاقتباس منها حرفياً</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>تمت مراجعتها</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>نحو %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Incident</source>
        <translation>حادثة</translation>
    </message>
    <message>
        <source>New incident</source>
        <translation>حادثة جديدة</translation>
    </message>
    <message>
        <source>as described by the witness</source>
        <translation>كما وصفها الشاهد</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>الانتهاكات</translation>
    </message>
    <message>
        <source>Perpetrator</source>
        <translation>الجهة المنفذة</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>الضحايا</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>يوم</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>سنة</translation>
    </message>
    <message>
        <source>Approximate</source>
        <translation>تقريبي</translation>
    </message>
    <message>
        <source>a date like 2025-03-07</source>
        <translation>تاريخاً مثل ⁦2025-03-07⁩</translation>
    </message>
    <message>
        <source>a month like 2025-03</source>
        <translation>شهراً مثل ⁦2025-03⁩</translation>
    </message>
    <message>
        <source>a year like 2025</source>
        <translation>سنةً مثل 2025</translation>
    </message>
    <message>
        <source>a date like 2025-03-07, a month like 2025-03 or a year like 2025</source>
        <translation>تاريخاً مثل ⁦2025-03-07⁩ أو شهراً مثل ⁦2025-03⁩ أو سنةً مثل 2025</translation>
    </message>
    <message>
        <source>Type {expected}, or leave it empty if the date is not known.</source>
        <translation>اكتب {expected}، أو اترك الحقل فارغاً إن كان التاريخ غير معروف.</translation>
    </message>
    <message>
        <source>There is no such day: type {expected}.</source>
        <translation>لا يوجد يوم كهذا: اكتب {expected}.</translation>
    </message>
    <message>
        <source>This is not {expected}.</source>
        <translation>هذا ليس {expected}.</translation>
    </message>
</context>
<context>
    <name>IncidentsPanel</name>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>الانتهاكات</translation>
    </message>
    <message>
        <source>Perpetrator</source>
        <translation>الجهة المنفذة</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>الضحايا</translation>
    </message>
    <message>
        <source>No incidents yet. Add one for each event the witness describes.</source>
        <translation>لا توجد حوادث بعد. أضف حادثة لكل واقعة يرويها الشاهد.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>إضافة…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>about {date}</source>
        <translation>نحو ⁦{date}⁩</translation>
    </message>
    <message>
        <source>Exact day</source>
        <translation>يوم محدد</translation>
    </message>
    <message>
        <source>Month only</source>
        <translation>الشهر فقط</translation>
    </message>
    <message>
        <source>Year only</source>
        <translation>السنة فقط</translation>
    </message>
    <message>
        <source>Approximate</source>
        <translation>تقريبي</translation>
    </message>
</context>
<context>
    <name>IngestRow</name>
    <message>
        <source>Waiting…</source>
        <translation>في الانتظار…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>InterviewForm</name>
    <message>
        <source>Interview</source>
        <translation>المقابلة</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>مثال: ⁦2025-03-07⁩</translation>
    </message>
    <message>
        <source>None</source>
        <translation>لا يوجد</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>مُجري المقابلة</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>المترجم</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>الموافقة</translation>
    </message>
    <message>
        <source>Consent was given and recorded</source>
        <translation>أُعطيت الموافقة وسُجّلت</translation>
    </message>
    <message>
        <source>May be shared with editors</source>
        <translation>يجوز مشاركتها مع المحرّرين</translation>
    </message>
    <message>
        <source>May be published anonymised</source>
        <translation>يجوز نشرها دون كشف الهوية</translation>
    </message>
    <message>
        <source>May be quoted word for word</source>
        <translation>يجوز الاقتباس منها حرفياً</translation>
    </message>
    <message>
        <source>Date consent was given</source>
        <translation>تاريخ إعطاء الموافقة</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Keys and recipients</source>
        <translation>المفاتيح والمستلمون</translation>
    </message>
    <message>
        <source>Your signing key</source>
        <translation>مفتاح توقيعك</translation>
    </message>
    <message>
        <source>Every bundle this vault exports is signed with its key. An editor trusts your bundles once you have read them this fingerprint aloud and they found it the same, group by group.</source>
        <translation>كل حزمة تصدّرها هذه الخزنة موقّعة بمفتاحها. يثق المحرّر بحزمك بعد أن تقرأ له هذه البصمة بصوت مسموع ويجدها مطابقة، مجموعةً مجموعة.</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>المستلمون</translation>
    </message>
    <message>
        <source>Trusted senders</source>
        <translation>المرسِلون الموثوقون</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>The editors you export to. Only they can open the bundles made for them. Compare a new editor&apos;s key fingerprint with them before you rely on it.</source>
        <translation>المحرّرون الذين تصدّر إليهم. لا يفتح الحزم المصنوعة لهم أحد سواهم. قارن بصمة مفتاح المحرّر الجديد معه قبل أن تعتمد عليها.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>بصمة المفتاح</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>المفتاح العام</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>تاريخ الإضافة</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>إزالة…</translation>
    </message>
    <message>
        <source>Add a recipient</source>
        <translation>إضافة مستلم</translation>
    </message>
    <message>
        <source>The researchers whose bundles you import. A sender is trusted when you open their first bundle, after comparing fingerprints with them aloud.</source>
        <translation>الباحثون الذين تستورد حزمهم. يصبح المرسِل موثوقاً عند فتح أول حزمة منه، بعد مقارنة البصمات معه بصوت مسموع.</translation>
    </message>
    <message>
        <source>Signing-key fingerprint</source>
        <translation>بصمة مفتاح التوقيع</translation>
    </message>
    <message>
        <source>Trusted since</source>
        <translation>موثوق منذ</translation>
    </message>
    <message>
        <source>No trusted senders yet.</source>
        <translation>لا يوجد مرسِلون موثوقون بعد.</translation>
    </message>
    <message>
        <source>Remove recipient</source>
        <translation>إزالة المستلم</translation>
    </message>
    <message>
        <source>Remove %1 from the recipients?</source>
        <translation>هل تريد إزالة %1 من المستلمين؟</translation>
    </message>
    <message>
        <source>Bundles already made for them can still be opened by them.</source>
        <translation>الحزم التي صُنعت لهم من قبل يبقى بإمكانهم فتحها.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>إبقاء</translation>
    </message>
</context>
<context>
    <name>LanguageNames</name>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنكليزية</translation>
    </message>
    <message>
        <source>Kurdish</source>
        <translation>الكردية</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>التركية</translation>
    </message>
    <message>
        <source>French</source>
        <translation>الفرنسية</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Testimony</source>
        <translation>شهادة</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>الشهادات</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>الشهود</translation>
    </message>
    <message>
        <source>Vault unlocked</source>
        <translation>الخزنة مفتوحة</translation>
    </message>
    <message>
        <source>New testimony</source>
        <translation>شهادة جديدة</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>قفل</translation>
    </message>
    <message>
        <source>Import records…</source>
        <translation>استيراد سجلات…</translation>
    </message>
    <message>
        <source>Delete testimony…</source>
        <translation>حذف الشهادة…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>تغيير عبارة المرور…</translation>
    </message>
    <message>
        <source>Erase vault…</source>
        <translation>مسح الخزنة…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Register selection as sensitive name</source>
        <translation>تسجيل النص المحدَّد ضمن الأسماء الحساسة</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Open bundle…</source>
        <translation>فتح حزمة…</translation>
    </message>
    <message>
        <source>Keys and recipients…</source>
        <translation>المفاتيح والمستلمون…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>الشريط الرئيسي</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>الخزنة</translation>
    </message>
    <message>
        <source>Testimony</source>
        <comment>menu</comment>
        <translation>الشهادة</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>الحزم</translation>
    </message>
    <message>
        <source>New testimony %1 created.</source>
        <translation>أُنشئت الشهادة الجديدة %1.</translation>
    </message>
    <message>
        <source>Delete testimony</source>
        <translation>حذف الشهادة</translation>
    </message>
    <message>
        <source>Delete testimony %1 with all its versions and attachments? This cannot be undone.</source>
        <translation>هل تريد حذف الشهادة %1 مع كل نسخها ومرفقاتها؟ لا يمكن التراجع عن هذا.</translation>
    </message>
    <message>
        <source>Testimony deleted.</source>
        <translation>حُذفت الشهادة.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message numerus="yes">
        <source>%n testimonies imported.</source>
        <translation>
            <numerusform>استُوردت %n شهادة.</numerusform>
            <numerusform>استُوردت شهادة واحدة.</numerusform>
            <numerusform>استُوردت شهادتان.</numerusform>
            <numerusform>استُوردت %n شهادات.</numerusform>
            <numerusform>استُوردت %n شهادة.</numerusform>
            <numerusform>استُوردت %n شهادة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>The file has problems; each is listed below.</source>
        <translation>في الملف مشكلات، وكل واحدة مذكورة أدناه.</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>The same passphrase again</source>
        <translation>أعد كتابة عبارة المرور نفسها</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters.</source>
        <translation>
            <numerusform>%n حرف على الأقل.</numerusform>
            <numerusform>حرف واحد على الأقل.</numerusform>
            <numerusform>حرفان على الأقل.</numerusform>
            <numerusform>%n أحرف على الأقل.</numerusform>
            <numerusform>%n حرفاً على الأقل.</numerusform>
            <numerusform>%n حرف على الأقل.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add more words.</source>
        <translation>ضعيفة: أضف كلمات أخرى.</translation>
    </message>
    <message>
        <source>Fair: one or two more words would help.</source>
        <translation>مقبولة: أضف كلمة أو كلمتين لتقويتها.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>قوية.</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>العبارتان غير متطابقتين.</translation>
    </message>
</context>
<context>
    <name>OpenBundleWindow</name>
    <message>
        <source>Open a bundle</source>
        <translation>فتح حزمة</translation>
    </message>
    <message>
        <source>Choose a bundle you received and your identity file (your secret key). The bundle is checked from start to end before anything is imported.</source>
        <translation>اختر حزمة وصلتك وملف مفتاحك السري. تُفحص الحزمة من أولها إلى آخرها قبل استيراد أي شيء.</translation>
    </message>
    <message>
        <source>No bundle chosen</source>
        <translation>لم تُختر حزمة</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>الحزمة</translation>
    </message>
    <message>
        <source>No identity file chosen</source>
        <translation>لم يُختر ملف المفتاح</translation>
    </message>
    <message>
        <source>Your identity file</source>
        <translation>ملف مفتاحك</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>إلغاء الاستيراد</translation>
    </message>
    <message>
        <source>What the bundle says</source>
        <translation>ما تقوله الحزمة</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Signing-key fingerprint</source>
        <translation>بصمة مفتاح التوقيع</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>تاريخ صنعها</translation>
    </message>
    <message>
        <source>Redacted for</source>
        <translation>محجوبة من أجل</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>المحتوى</translation>
    </message>
    <message>
        <source>Show imported testimonies</source>
        <translation>عرض الشهادات المستوردة</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was imported.</source>
        <translation>أُلغي الاستيراد. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>This bundle was not imported.</source>
        <translation>لم تُستورد هذه الحزمة.</translation>
    </message>
    <message>
        <source>This bundle was not accepted.</source>
        <translation>لم تُقبل هذه الحزمة.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>The bundle could not be opened.</source>
        <translation>تعذّر فتح الحزمة.</translation>
    </message>
    <message>
        <source>%1 (a trusted sender)</source>
        <translation>%1 (مرسِل موثوق)</translation>
    </message>
    <message>
        <source>A sender you have not trusted yet</source>
        <translation>مرسِل لم تمنحه ثقتك بعد</translation>
    </message>
    <message>
        <source>an editor</source>
        <translation>محرّر</translation>
    </message>
    <message>
        <source>publication</source>
        <translation>النشر</translation>
    </message>
    <message>
        <source>Testimonies: %1. Attachments: %2.</source>
        <translation>الشهادات: %1. المرفقات: %2.</translation>
    </message>
    <message>
        <source>Choose the bundle and your identity file to check it.</source>
        <translation>اختر الحزمة وملف مفتاحك لفحصها.</translation>
    </message>
    <message>
        <source>Checking the bundle…</source>
        <translation>جارٍ فحص الحزمة…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <source>This bundle is intact, and it is already imported.</source>
        <translation>هذه الحزمة سليمة، وقد استُوردت من قبل.</translation>
    </message>
    <message>
        <source>The bundle is intact and signed, by a sender you have not trusted yet.</source>
        <translation>الحزمة سليمة وموقّعة، من مرسِل لم تمنحه ثقتك بعد.</translation>
    </message>
    <message>
        <source>The bundle is intact and signed by a trusted sender.</source>
        <translation>الحزمة سليمة وموقّعة من مرسِل موثوق.</translation>
    </message>
    <message>
        <source>Imported, and kept encrypted in your vault. Testimonies: %1.</source>
        <translation>استُوردت، وهي محفوظة مشفّرة في خزنتك. الشهادات: %1.</translation>
    </message>
    <message>
        <source>Trust and import</source>
        <translation>الثقة والاستيراد</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>PrivateFileDialog</name>
    <message>
        <source>Choose files to attach</source>
        <translation>اختر ملفات لإرفاقها</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>إرفاق</translation>
    </message>
    <message>
        <source>Choose a records file to import</source>
        <translation>اختر ملف سجلات لاستيراده</translation>
    </message>
    <message>
        <source>Records (*.json *.jsonl *.ndjson)</source>
        <translation>سجلات (*.json *.jsonl *.ndjson)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation>حفظ الحزمة باسم</translation>
    </message>
    <message>
        <source>Bundles (*.tbundle)</source>
        <translation>حزم (*.tbundle)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Choose a bundle to open</source>
        <translation>اختر حزمة لفتحها</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Choose your identity file</source>
        <translation>اختر ملف مفتاحك</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>استخدام</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>حفظ باسم</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Choose how much is taken out of the testimonies before they leave.</source>
        <translation>اختر مقدار ما يُحذف من الشهادات قبل خروجها.</translation>
    </message>
    <message>
        <source>For an editor</source>
        <translation>لمحرّر</translation>
    </message>
    <message>
        <source>Keeps dates, towns, ages and what happened. Takes out the witness&apos;s identity and every registered name, and replaces phone numbers and other personal details.</source>
        <translation>يُبقي التواريخ والبلدات والأعمار وما حدث. ويحذف هوية الشاهد وكل اسم مسجّل، ويستبدل أرقام الهواتف وسائر البيانات الشخصية.</translation>
    </message>
    <message>
        <source>For publication</source>
        <translation>للنشر</translation>
    </message>
    <message>
        <source>Takes out all of that, and also coarsens dates to the month, ages to ten-year bands and places to the district. Needs the witness&apos;s consent to anonymised publication.</source>
        <translation>يحذف كل ذلك، ويكتفي كذلك من التواريخ بالشهر، ومن الأعمار بفئات من عشر سنوات، ومن الأماكن بالمنطقة. ويتطلّب موافقة الشاهد على النشر دون كشف الهوية.</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <source>Tick who may open the bundle. Only the editors ticked here can decrypt it; each gets a bundle of their own.</source>
        <translation>علّم من يجوز له فتح الحزمة. لا يستطيع فكّ تشفيرها إلا المحرّرون المعلَّمون هنا؛ ولكل منهم حزمته الخاصة.</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>المستلمون</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>بصمة المفتاح</translation>
    </message>
    <message>
        <source>No recipients yet. Add the editor below with the public key they gave you.</source>
        <translation>لا يوجد مستلمون بعد. أضف المحرّر أدناه بالمفتاح العام الذي أعطاك إياه.</translation>
    </message>
    <message>
        <source>Add a recipient</source>
        <translation>إضافة مستلم</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Leave out every testimony that cannot go</source>
        <translation>استبعاد كل شهادة لا يجوز أن تخرج</translation>
    </message>
    <message>
        <source>Redact automatically the testimonies not marked reviewed</source>
        <translation>الحجب التلقائي للشهادات غير المعلَّمة كمُراجَعة</translation>
    </message>
    <message>
        <source>They have not been through redaction review: what the detectors find is taken out, and nothing else. Better: review them first (Redaction review tab).</source>
        <translation>لم تمرّ هذه الشهادات بمراجعة الحجب: يُحذف ما تجده أدوات الكشف فقط، ولا شيء غيره. والأفضل أن تراجعها أولاً (تبويب «مراجعة الحجب»).</translation>
    </message>
    <message>
        <source>Checking consent, review and attachments of each testimony…</source>
        <translation>جارٍ فحص الموافقة والمراجعة والمرفقات لكل شهادة…</translation>
    </message>
    <message>
        <source>The testimonies could not be checked: %1</source>
        <translation>تعذّر فحص الشهادات: %1</translation>
    </message>
    <message>
        <source>Redact automatically the testimonies not marked reviewed (%1)</source>
        <translation>الحجب التلقائي للشهادات غير المعلَّمة كمُراجَعة (%1)</translation>
    </message>
    <message>
        <source>Every testimony is left out: there is nothing to export.</source>
        <translation>استُبعدت كل الشهادات: لا يوجد ما يُصدَّر.</translation>
    </message>
    <message>
        <source>Some testimonies cannot go as they are. Leave them out, or make the choice each one asks for. The export waits until then.</source>
        <translation>بعض الشهادات لا يجوز أن تخرج كما هي. استبعدها، أو اتخذ القرار الذي تطلبه كل منها. ينتظر التصدير حتى ذلك الحين.</translation>
    </message>
    <message>
        <source>Ready. Testimonies that will go: %1.</source>
        <translation>جاهز. الشهادات التي ستخرج: %1.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Redact selection</source>
        <translation>احجب التحديد</translation>
    </message>
    <message>
        <source>Hide the selected text in every export (Ctrl+R)</source>
        <translation>احجب النص المحدد في كل تصدير (Ctrl+R)</translation>
    </message>
    <message>
        <source>Keep or redact here</source>
        <translation>أبقِ أو احجب هنا</translation>
    </message>
    <message>
        <source>Keep the highlighted text at the cursor, or redact it again (Ctrl+K)</source>
        <translation>أبقِ النص المظلَّل عند المؤشر، أو احجبه من جديد (Ctrl+K)</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>علِّم كمُراجَعة</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>ملف الحجب</translation>
    </message>
    <message>
        <source>The account, with what redaction finds.</source>
        <translation>الإفادة، مع ما يجده الحجب.</translation>
    </message>
    <message>
        <source>What would leave, for this profile.</source>
        <translation>ما سيخرج بهذا الملف.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>الإفادة</translation>
    </message>
    <message>
        <source>Preview of the export</source>
        <translation>معاينة التصدير</translation>
    </message>
    <message>
        <source>Click a highlighted word to keep it.</source>
        <translation>انقر كلمة مظلَّلة لإبقائها.</translation>
    </message>
    <message>
        <source>For an editor</source>
        <translation>لمحرر</translation>
    </message>
    <message>
        <source>For publication</source>
        <translation>للنشر</translation>
    </message>
    <message>
        <source>as a name</source>
        <translation>كاسم</translation>
    </message>
    <message>
        <source>as a place</source>
        <translation>كمكان</translation>
    </message>
    <message>
        <source>as other</source>
        <translation>كغير ذلك</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>اسم</translation>
    </message>
    <message>
        <source>Private place</source>
        <translation>مكان خاص</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>رقم هاتف</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>بريد إلكتروني</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>رقم هوية</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>تاريخ ميلاد</translation>
    </message>
    <message>
        <source>Vehicle plate</source>
        <translation>لوحة سيارة</translation>
    </message>
    <message>
        <source>Social media account</source>
        <translation>حساب تواصل اجتماعي</translation>
    </message>
    <message>
        <source>Web link</source>
        <translation>رابط</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>إحداثيات</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>غير ذلك</translation>
    </message>
    <message>
        <source>marked by you</source>
        <translation>حدَّدتَه بنفسك</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>مسجَّل</translation>
    </message>
    <message>
        <source>found by its shape</source>
        <translation>عُرف من شكله</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>مُبقى</translation>
    </message>
    <message>
        <source>names</source>
        <translation>أسماء</translation>
    </message>
    <message>
        <source>places</source>
        <translation>أماكن</translation>
    </message>
    <message>
        <source>numbers, addresses, accounts</source>
        <translation>أرقام وعناوين وحسابات</translation>
    </message>
    <message>
        <source>your marks</source>
        <translation>تحديداتك</translation>
    </message>
    <message>
        <source>The review could not be made from the vault.</source>
        <translation>تعذّر إعداد المراجعة من الخزنة.</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>مُراجَعة</translation>
    </message>
    <message>
        <source>Nothing is replaced in this testimony.</source>
        <translation>لا يُستبدل شيء في هذه الإفادة.</translation>
    </message>
    <message>
        <source>%1 replaced: %2.</source>
        <translation>استُبدل %1: %2.</translation>
    </message>
    <message>
        <source>%1 kept by you.</source>
        <translation>أبقيتَ %1.</translation>
    </message>
    <message>
        <source>Select the words to redact first.</source>
        <translation>حدِّد الكلمات المراد حجبها أولاً.</translation>
    </message>
    <message>
        <source>The decision could not be saved; nothing changed.</source>
        <translation>تعذّر حفظ القرار؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <source>%1, %2. Click to keep it.</source>
        <translation>%1، %2. انقر لإبقائه.</translation>
    </message>
    <message>
        <source>%1, %2. Click to show it again.</source>
        <translation>%1، %2. انقر لإظهاره من جديد.</translation>
    </message>
    <message>
        <source>Kept by you. Click to redact it again.</source>
        <translation>أبقيتَه. انقر لحجبه من جديد.</translation>
    </message>
</context>
<context>
    <name>RevisionsPanel</name>
    <message>
        <source>Choose a version to read it.</source>
        <translation>اختر نسخة لقراءتها.</translation>
    </message>
    <message>
        <source>Every save keeps the version before it.</source>
        <translation>يُحتفظ بالنسخة السابقة عند كل حفظ.</translation>
    </message>
    <message>
        <source>Bring back this version</source>
        <translation>استعادة هذه النسخة</translation>
    </message>
    <message>
        <source>Version %1 — %2</source>
        <translation>النسخة %1 — ⁦%2⁩</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>دقيقة واحدة</numerusform>
            <numerusform>دقيقتان</numerusform>
            <numerusform>%n دقائق</numerusform>
            <numerusform>%n دقيقة</numerusform>
            <numerusform>%n دقيقة</numerusform>
        </translation>
    </message>
    <message>
        <source>A new language takes effect the next time the app starts.</source>
        <translation>تُطبَّق اللغة الجديدة عند تشغيل التطبيق في المرة القادمة.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Lock after no activity for</source>
        <translation>القفل بعد عدم النشاط لمدة</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
</context>
<context>
    <name>TestimoniesPage</name>
    <message>
        <source>Tick the testimonies to export. Only what you tick leaves this computer, and only after redaction.</source>
        <translation>علّم الشهادات المراد تصديرها. لا يخرج من هذا الحاسوب إلا ما تعلّمه، وبعد الحجب فقط.</translation>
    </message>
    <message>
        <source>Search testimonies</source>
        <translation>ابحث في الشهادات</translation>
    </message>
    <message>
        <source>Testimonies to export</source>
        <translation>الشهادات المراد تصديرها</translation>
    </message>
    <message>
        <source>Tick all shown</source>
        <translation>تعليم كل المعروض</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>إلغاء كل التعليمات</translation>
    </message>
    <message>
        <source>Space ticks or unticks the highlighted row.</source>
        <translation>مفتاح المسافة يعلّم الصف المحدَّد أو يلغي تعليمه.</translation>
    </message>
    <message>
        <source>Ticked: %1</source>
        <translation>المعلَّمة: %1</translation>
    </message>
</context>
<context>
    <name>TestimonyCard</name>
    <message>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>Send %1 as it is (%2)</source>
        <translation>إرسال %1 كما هو (%2)</translation>
    </message>
    <message>
        <source>Sent as it is, the file keeps whatever it holds: names, places, GPS positions, the camera or phone that made it.</source>
        <translation>إذا أُرسل الملف كما هو فإنه يحتفظ بكل ما فيه: أسماء وأماكن وإحداثيات جغرافية، والكاميرا أو الهاتف الذي صنعه.</translation>
    </message>
    <message>
        <source>Left out of this export.</source>
        <translation>مستبعدة من هذا التصدير.</translation>
    </message>
</context>
<context>
    <name>TestimonyEditor</name>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>What the witness said, in their words.</source>
        <translation>ما قاله الشاهد، بكلماته.</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>الوسوم، مفصولة بفواصل</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>الإفادة</translation>
    </message>
    <message>
        <source>Interview and consent</source>
        <translation>المقابلة والموافقة</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
    <message>
        <source>Sensitive names</source>
        <translation>الأسماء الحساسة</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>المرفقات</translation>
    </message>
    <message>
        <source>Redaction review</source>
        <translation>مراجعة الحجب</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>النسخ</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>تمت مراجعتها</translation>
    </message>
    <message>
        <source>Testimony %1 · witness %2</source>
        <translation>الشهادة %1 · الشاهد %2</translation>
    </message>
    <message>
        <source>All changes saved.</source>
        <translation>حُفظت كل التغييرات.</translation>
    </message>
    <message>
        <source>Unsaved changes…</source>
        <translation>تغييرات غير محفوظة…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <source>Not saved: check these fields: %1</source>
        <translation>لم يُحفظ: راجع هذه الحقول: %1</translation>
    </message>
    <message>
        <source>Not saved: the vault could not store the change.</source>
        <translation>لم يُحفظ: تعذّر على الخزنة حفظ التغيير.</translation>
    </message>
</context>
<context>
    <name>TestimonyListPanel</name>
    <message>
        <source>Search testimonies (Ctrl+F)</source>
        <translation>ابحث في الشهادات (Ctrl+F)</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>تمت مراجعتها</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>كل اللغات</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>كل الوسوم</translation>
    </message>
</context>
<context>
    <name>TestimonyTableModel</name>
    <message>
        <source>ID</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation>تاريخ المقابلة</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>آخر تحديث</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>مكتملة</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>تمت مراجعتها</translation>
    </message>
</context>
<context>
    <name>TrustSenderBox</name>
    <message>
        <source>Trust this sender</source>
        <translation>الثقة بهذا المرسِل</translation>
    </message>
    <message>
        <source>You have not opened a bundle from this sender before. Call them, or meet them, and ask them to read aloud the fingerprint of their signing key (their app shows it under Keys and recipients). Compare it with the one above, group by group. If any group differs, do not import: close this window.</source>
        <translation>لم تفتح حزمة من هذا المرسِل من قبل. اتصل به أو التقِ به، واطلب منه أن يقرأ بصوت مسموع بصمة مفتاح توقيعه (يعرضها تطبيقه في «المفاتيح والمستلمون»). قارنها بالبصمة أعلاه، مجموعةً مجموعة. إن اختلفت أي مجموعة فلا تستورد: أغلق هذه النافذة.</translation>
    </message>
    <message>
        <source>I compared it aloud with the sender: every group is the same</source>
        <translation>قارنتها مع المرسِل بصوت مسموع: كل المجموعات متطابقة</translation>
    </message>
    <message>
        <source>Who they are, as you will recognise them</source>
        <translation>من هو، بالاسم الذي تعرفه به</translation>
    </message>
    <message>
        <source>Name for this sender</source>
        <translation>اسم لهذا المرسِل</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Testimony — locked</source>
        <translation>شهادة — الخزنة مقفلة</translation>
    </message>
    <message>
        <source>The vault is locked</source>
        <translation>الخزنة مقفلة</translation>
    </message>
    <message>
        <source>Enter your passphrase to open it.</source>
        <translation>أدخل عبارة المرور لفتحها.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Use the recovery code</source>
        <translation>استخدام رمز الاسترداد</translation>
    </message>
    <message>
        <source>Erase vault…</source>
        <translation>مسح الخزنة…</translation>
    </message>
    <message>
        <source>Type the recovery code you wrote down when the vault was made.</source>
        <translation>اكتب رمز الاسترداد الذي دوّنته عند إنشاء الخزنة.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>رمز الاسترداد</translation>
    </message>
    <message>
        <source>Use the passphrase</source>
        <translation>استخدام عبارة المرور</translation>
    </message>
</context>
<context>
    <name>WitnessRegister</name>
    <message>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>المهنة</translation>
    </message>
    <message>
        <source>Displacement</source>
        <translation>النزوح</translation>
    </message>
    <message>
        <source>Demographics</source>
        <translation>البيانات الديموغرافية</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>e.g. 50-59</source>
        <translation>مثلاً: من 50 إلى 59</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>غير مذكور</translation>
    </message>
    <message>
        <source>man</source>
        <translation>رجل</translation>
    </message>
    <message>
        <source>woman</source>
        <translation>امرأة</translation>
    </message>
    <message>
        <source>other</source>
        <translation>غير ذلك</translation>
    </message>
    <message>
        <source>Save demographics</source>
        <translation>حفظ البيانات الديموغرافية</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>الفئة العمرية</translation>
    </message>
    <message>
        <source>Identity (kept apart, never exported)</source>
        <translation>الهوية (تُحفظ منفصلة ولا تُصدَّر أبداً)</translation>
    </message>
    <message>
        <source>Show identity</source>
        <translation>إظهار الهوية</translation>
    </message>
    <message>
        <source>Hide identity</source>
        <translation>إخفاء الهوية</translation>
    </message>
    <message>
        <source>Save identity</source>
        <translation>حفظ الهوية</translation>
    </message>
    <message>
        <source>Identity details are shown only on request; viewing them is logged.</source>
        <translation>لا تُعرض بيانات الهوية إلا عند الطلب، ويُسجَّل كل اطلاع عليها.</translation>
    </message>
    <message>
        <source>New witness</source>
        <translation>شاهد جديد</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <source>Nickname or kunya</source>
        <translation>اللقب أو الكنية</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>الهاتف</translation>
    </message>
    <message>
        <source>Home village</source>
        <translation>القرية الأصلية</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>الحي</translation>
    </message>
    <message>
        <source>National ID</source>
        <translation>الرقم الوطني</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>البريد الإلكتروني</translation>
    </message>
    <message>
        <source>Witness saved.</source>
        <translation>حُفظت بيانات الشاهد.</translation>
    </message>
    <message>
        <source>New witness %1 added.</source>
        <translation>أُضيف الشاهد الجديد %1.</translation>
    </message>
    <message>
        <source>Identity saved.</source>
        <translation>حُفظت الهوية.</translation>
    </message>
</context>
<context>
    <name>WitnessTableModel</name>
    <message>
        <source>Witness</source>
        <translation>الشاهد</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>العمر</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>المهنة</translation>
    </message>
    <message>
        <source>Displacement</source>
        <translation>النزوح</translation>
    </message>
    <message>
        <source>man</source>
        <translation>رجل</translation>
    </message>
    <message>
        <source>woman</source>
        <translation>امرأة</translation>
    </message>
    <message>
        <source>other</source>
        <translation>غير ذلك</translation>
    </message>
</context>
<context>
    <name>_EntitiesDelegate</name>
    <message>
        <source>Other spellings, separated by commas</source>
        <translation>صيغ أخرى للكتابة، مفصولة بفواصل</translation>
    </message>
</context>
</TS>
