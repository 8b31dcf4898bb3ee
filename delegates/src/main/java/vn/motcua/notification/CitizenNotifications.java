package vn.motcua.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.outbox.Outbox;
import vn.motcua.procedure.ProcedureCatalog;
import vn.motcua.result.ReadResultDeliveryDelegate;
import vn.motcua.text.VietnameseText;

/**
 * Tells the citizen, by SMS and e-mail, of the moments that need them: receipt, a supplement
 * request, a refusal, a result ready, a delay. The words are Vietnamese templates in
 * {@code notification-templates.yaml}; the messages go through the outbox.
 */
@Component
public class CitizenNotifications {

    public static final String TOPIC_SMS = "sms";
    public static final String TOPIC_EMAIL = "email";

    private final Outbox outbox;
    private final ProcedureCatalog catalog;
    private final Map<String, Template> templates;
    private final boolean smsWithoutDiacritics;

    public CitizenNotifications(Outbox outbox, ProcedureCatalog catalog, NotificationProperties properties) {
        this.outbox = outbox;
        this.catalog = catalog;
        this.templates = loadTemplates();
        this.smsWithoutDiacritics = properties.smsWithoutDiacritics();
    }

    /** A status change the citizen is told of, with the procedure's name as the dossier was started with it. */
    @EventListener
    @Order(1)
    public void on(DossierStatusChanged change) {
        if (!change.statusMoved()) {
            return;
        }
        Dossier dossier = change.after();
        templateFor(dossier.publicStatus(), dossier.internalStep())
                .ifPresent(event -> notify(
                        dossier,
                        event,
                        catalog.version(dossier.procedureKey(), dossier.procedureVersion())
                                .map(p -> p.descriptor().name().vi())
                                .orElse(null),
                        change.publicMessage()));
    }

    /**
     * The moments a citizen is told of by SMS and e-mail: a status, and for the return (10) only the electronic one
     * (step {@value ReadResultDeliveryDelegate#STEP_RETURNED_ONLINE}: the signed result is ready to download; at the
     * desk the citizen is there).
     */
    static Optional<String> templateFor(PublicStatus status, String step) {
        return Optional.ofNullable(
                switch (status) {
                    case RECEIVED -> "received";
                    case SUPPLEMENT_REQUESTED -> "supplement-requested";
                    case NOT_RECEIVED -> "not-received";
                    case AWAITING_FINANCIAL_OBLIGATION -> "payment-requested";
                    case PROCESSED -> "result-ready";
                    case RESULT_RETURNED ->
                        ReadResultDeliveryDelegate.STEP_RETURNED_ONLINE.equals(step) ? "result-returned-online" : null;
                    default -> null;
                });
    }

    /**
     * Queues the messages for this moment, if the dossier's applicant gave a phone or an e-mail.
     *
     * @param event   a template name: received, supplement-requested, not-received, result-ready,
     *                result-returned-online, delayed,
     *                payment-requested, payment-reminder, payment-refunded
     * @param message the public message of the status change (e.g. what to supplement, why refused)
     */
    public void notify(Dossier dossier, String event, String procedureName, String message) {
        Template template = templates.get(event);
        if (template == null) {
            throw new IllegalArgumentException("No notification template named '" + event + "'");
        }
        Map<String, String> values = Map.of(
                "code", dossier.code(),
                "procedure", procedureName == null ? dossier.procedureKey() : procedureName,
                "message", message == null ? "" : message);
        if (dossier.applicant().phone() != null && !dossier.applicant().phone().isBlank()) {
            String text = fill(template.sms(), values);
            outbox.add(
                    TOPIC_SMS,
                    dossier.code(),
                    new SmsMessage(
                            dossier.applicant().phone(),
                            smsWithoutDiacritics ? VietnameseText.fold(text) : text,
                            dossier.code()));
        }
        if (dossier.applicant().email() != null && !dossier.applicant().email().isBlank()) {
            outbox.add(
                    TOPIC_EMAIL,
                    dossier.code(),
                    new EmailMessage(
                            dossier.applicant().email(),
                            fill(template.subject(), values),
                            fill(template.body(), values),
                            dossier.code()));
        }
    }

    static String fill(String template, Map<String, String> values) {
        String text = template;
        for (var entry : values.entrySet()) {
            text = text.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return text.strip();
    }

    private static Map<String, Template> loadTemplates() {
        try (InputStream in = CitizenNotifications.class.getResourceAsStream("/notification-templates.yaml")) {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            return yaml.readValue(in, yaml.getTypeFactory().constructMapType(Map.class, String.class, Template.class));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read notification-templates.yaml", e);
        }
    }

    record Template(String sms, String subject, String body) {}

    /** The payload of an SMS in the outbox. */
    public record SmsMessage(String phone, String text, String dossierCode) {}

    /** The payload of an e-mail in the outbox. */
    public record EmailMessage(String to, String subject, String body, String dossierCode) {}
}
