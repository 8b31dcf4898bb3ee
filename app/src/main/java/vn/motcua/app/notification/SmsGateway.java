package vn.motcua.app.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import vn.motcua.app.outbox.OutboxHandler;
import vn.motcua.notification.CitizenNotifications;
import vn.motcua.notification.CitizenNotifications.SmsMessage;
import vn.motcua.outbox.OutboxMessage;

/**
 * Sends queued SMS through the provider's HTTP API: one {@code POST} per message with
 * {@code {"to", "text", "sender", "reference"}}, where the reference (the outbox message id) lets the
 * provider drop a duplicate. Any 2xx answer means accepted; anything else is retried later.
 */
@Component
@ConditionalOnProperty("motcua.sms.endpoint")
class SmsGateway implements OutboxHandler {

    private final RestClient http;
    private final SmsProperties properties;
    private final ObjectMapper json;

    SmsGateway(SmsProperties properties, RestClient.Builder builder, ObjectMapper json) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.http = builder.requestFactory(requests).build();
        this.properties = properties;
        this.json = json;
    }

    @Override
    public String topic() {
        return CitizenNotifications.TOPIC_SMS;
    }

    @Override
    public Map<Long, String> handle(List<OutboxMessage> batch) {
        Map<Long, String> failures = new HashMap<>();
        for (OutboxMessage message : batch) {
            try {
                SmsMessage sms = json.readValue(message.payload(), SmsMessage.class);
                http.post()
                        .uri(properties.endpoint())
                        .contentType(MediaType.APPLICATION_JSON)
                        .headers(h -> {
                            if (properties.apiKey() != null) {
                                h.set(HttpHeaders.AUTHORIZATION, "Bearer " + properties.apiKey());
                            }
                        })
                        .body(new SmsRequest(sms.phone(), sms.text(), properties.sender(), "outbox-" + message.id()))
                        .retrieve()
                        .toBodilessEntity();
            } catch (RestClientException | JsonProcessingException e) {
                failures.put(message.id(), e.getMessage());
            }
        }
        return failures;
    }

    record SmsRequest(String to, String text, String sender, String reference) {}
}
