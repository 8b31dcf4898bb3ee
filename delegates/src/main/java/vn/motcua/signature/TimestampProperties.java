package vn.motcua.signature;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * An RFC 3161 timestamp authority ({@code motcua.signatures.timestamp.*}). Without a URL, signatures carry no
 * timestamp (PAdES baseline B); with one, every signature gets a signature timestamp (baseline T).
 *
 * @param url     the authority's HTTP endpoint (it answers {@code application/timestamp-query} POSTs)
 * @param timeout how long to wait for its answer; a timeout fails the signing step, which the engine retries
 */
@ConfigurationProperties("motcua.signatures.timestamp")
@Validated
public record TimestampProperties(
        URI url, @DefaultValue("10s") Duration timeout) {}
