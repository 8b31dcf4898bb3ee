package vn.motcua.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A message whose Message-ID is ours: Jakarta Mail would otherwise replace it with a random one on send. */
class StableIdMimeMessage extends MimeMessage {

    private final String messageId;

    StableIdMimeMessage(MimeMessage source, String messageId) throws MessagingException {
        super(source);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
