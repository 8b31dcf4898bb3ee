package vn.motcua.app.gateway;

import java.net.URI;
import java.time.Instant;

/**
 * What a gateway needs to start a payment.
 *
 * @param request the open payment request
 * @param clientAddress the citizen's IP address, as the gateway asks for it
 * @param applicationUrl the application's own address as the citizen reached it, for return addresses not configured
 * @param now the time of the request
 */
public record PaymentStart(PayableRequest request, String clientAddress, URI applicationUrl, Instant now) {}
