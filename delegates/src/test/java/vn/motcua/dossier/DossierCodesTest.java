package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.testing.ProcessTestPlatform;

class DossierCodesTest {

    private final DossierCodes codes = ProcessTestPlatform.bean(DossierCodes.class);
    private final TransactionTemplate transaction =
            new TransactionTemplate(ProcessTestPlatform.bean(PlatformTransactionManager.class));

    @Test
    void codesFollowTheNationalPattern() {
        assertThat(DossierCodes.format("000.00.17.H26", LocalDate.of(2025, 7, 1), 1))
                .isEqualTo("000.00.17.H26-250701-0001");
    }

    @Test
    void concurrentSubmissionsGetUniqueGapFreeNumbersPerUnitAndDay() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 2);
        int submissions = 200;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < submissions; i++) {
                tasks.add(() -> transaction.execute(status -> codes.next(ProcessTestPlatform.TEST_AGENCY, day)));
            }
            List<String> issued = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(tasks)) {
                issued.add(f.get());
            }
            assertThat(issued)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, submissions)
                            .mapToObj(n -> DossierCodes.format(ProcessTestPlatform.TEST_AGENCY, day, n))
                            .toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRolledBackSubmissionGivesItsNumberBack() {
        LocalDate day = LocalDate.of(2026, 3, 3);
        String first = transaction.execute(status -> codes.next(ProcessTestPlatform.TEST_AGENCY, day));
        transaction.executeWithoutResult(status -> {
            codes.next(ProcessTestPlatform.TEST_AGENCY, day);
            status.setRollbackOnly();
        });
        String second = transaction.execute(status -> codes.next(ProcessTestPlatform.TEST_AGENCY, day));

        assertThat(first).endsWith("-260303-0001");
        assertThat(second).endsWith("-260303-0002");
    }
}
