package vn.motcua.signature;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A remote-signing service speaking the Cloud Signature Consortium API v2 ({@code motcua.signatures.csc.*}), used
 * when {@code motcua.signatures.provider=csc} ({@link CscSigningProvider}). The secrets come from the environment
 * ({@code MOTCUA_SIGNATURES_CSC_CLIENT_SECRET} or {@code MOTCUA_SIGNATURES_CSC_TOKEN}), never from a committed file.
 *
 * @param baseUrl          the service's root: the API is at {@code <base-url>/csc/v2/…}
 * @param clientId         the platform's OAuth 2.0 client at the service (client-credentials grant), with
 *                         {@code client-secret}
 * @param clientSecret     that client's secret
 * @param token            a bearer token the service issued, instead of the client credentials
 * @param timeout          how long to wait for each answer (and to connect)
 * @param certificateCache how long a credential's certificate chain and key status are reused before they are read
 *                         again (a failed signature reads them again at once)
 * @param agencies         the credential id (the service's {@code credentialID}) of each agency's organisation key,
 *                         by agency code
 * @param users            the credential id of each signing person's personal key, by user id
 */
@ConfigurationProperties("motcua.signatures.csc")
@Validated
public record CscProperties(
        URI baseUrl,
        String clientId,
        String clientSecret,
        String token,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("10m") Duration certificateCache,
        Map<String, String> agencies,
        Map<String, String> users) {

    public CscProperties {
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        certificateCache = certificateCache == null ? Duration.ofMinutes(10) : certificateCache;
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    /** What is missing for the provider to work, or null when the settings are complete. */
    String missing() {
        if (baseUrl == null) {
            return "motcua.signatures.csc.base-url (the service's root, its API at <base-url>/csc/v2/)";
        }
        boolean clientCredentials = present(clientId) && present(clientSecret);
        if (!present(token) && !clientCredentials) {
            return "motcua.signatures.csc.client-id and client-secret (environment MOTCUA_SIGNATURES_CSC_CLIENT_SECRET)"
                    + ", or motcua.signatures.csc.token (environment MOTCUA_SIGNATURES_CSC_TOKEN)";
        }
        return null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Never prints the secret or the token. */
    @Override
    public String toString() {
        return "CscProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "null" : "***") + ", token=" + (token == null ? "null" : "***")
                + ", timeout=" + timeout + ", certificateCache=" + certificateCache + ", agencies=" + agencies
                + ", users=" + users + "]";
    }
}
