"""The vault's signing key and the address book: recipients and trusted senders."""
