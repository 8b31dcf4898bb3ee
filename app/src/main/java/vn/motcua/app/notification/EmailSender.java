package vn.motcua.app.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.motcua.app.outbox.OutboxHandler;
import vn.motcua.notification.CitizenNotifications;
import vn.motcua.notification.CitizenNotifications.EmailMessage;
import vn.motcua.notification.NotificationProperties;
import vn.motcua.outbox.OutboxMessage;

/**
 * Sends queued e-mail over SMTP ({@code spring.mail.*}; without {@code spring.mail.host} e-mail waits in the outbox). Each message carries a Message-ID made
 * from its outbox id, so a message sent twice after a crash is recognisable as one.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class EmailSender implements OutboxHandler {

    private final JavaMailSender mail;
    private final ObjectMapper json;
    private final String from;

    EmailSender(JavaMailSender mail, ObjectMapper json, NotificationProperties properties) {
        this.mail = mail;
        this.json = json;
        this.from = properties.mailFrom();
    }

    @Override
    public String topic() {
        return CitizenNotifications.TOPIC_EMAIL;
    }

    @Override
    public Map<Long, String> handle(List<OutboxMessage> batch) {
        Map<Long, String> failures = new HashMap<>();
        for (OutboxMessage message : batch) {
            try {
                EmailMessage email = json.readValue(message.payload(), EmailMessage.class);
                MimeMessage mime = mail.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
                helper.setFrom(from);
                helper.setTo(email.to());
                helper.setSubject(email.subject());
                helper.setText(email.body());
                mime.setHeader("X-Motcua-Dossier", email.dossierCode());
                // JavaMailSenderImpl keeps a Message-ID set before sending.
                mime.setHeader("Message-ID", "<outbox-" + message.id() + "@motcua>");
                mail.send(mime);
            } catch (MailException | MessagingException | IOException e) {
                failures.put(message.id(), e.getMessage());
            }
        }
        return failures;
    }
}
