package vn.motcua.signature;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where agencies' signing keys are ({@code motcua.signatures.*}). None is set by default: the embedded defaults
 * then generate a local test CA and test certificates under the data folder; a production start without them
 * signs nothing (the signing step raises an incident naming the missing setting).
 *
 * @param keystoreDirectory   a folder holding one PKCS#12 file per agency, named {@code <agency code>.p12}
 * @param keystorePassword    the keystores' password; give it in the environment
 *                            ({@code MOTCUA_SIGNATURES_KEYSTORE_PASSWORD}), never in a committed file
 * @param trustedCertificates a PEM file of the CA certificates whose signatures the verifier calls trusted
 */
@ConfigurationProperties("motcua.signatures")
@Validated
public record SignatureProperties(Path keystoreDirectory, String keystorePassword, Path trustedCertificates) {}
