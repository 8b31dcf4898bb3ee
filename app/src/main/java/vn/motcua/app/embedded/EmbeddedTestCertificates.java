package vn.motcua.app.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.signature.TestCertificateAuthority;

/**
 * With the embedded defaults, the keystore provider (the default {@code motcua.signatures.provider}) and no
 * {@code motcua.signatures.keystore-directory}: a local test CA under
 * {@code <motcua.data-dir>/signing}, made at the first start and kept, which issues each agency a test certificate
 * when it first signs. Its signatures verify here and say everywhere that they are test signatures.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbedded(EmbeddedServer.POSTGRES)
// Only when the folder is absent (@ConditionalOnProperty would also match any value but "false") and no remote
// service (motcua.signatures.provider=csc) holds the keys.
@ConditionalOnExpression("'${motcua.signatures.keystore-directory:}'.isEmpty()"
        + " and '${motcua.signatures.provider:keystore}'.equalsIgnoreCase('keystore')")
class EmbeddedTestCertificates {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedTestCertificates.class);

    @Bean
    TestCertificateAuthority testCertificateAuthority(DataDirectoryProperties dataDirectory) {
        TestCertificateAuthority authority = TestCertificateAuthority.openOrCreate(dataDirectory.resolve("signing"));
        log.warn(
                "Results are signed with TEST certificates of a local test CA in {} (no legal value); "
                        + "set motcua.signatures.keystore-directory for real keys",
                authority.directory());
        return authority;
    }
}
