package vn.motcua.app.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;
import vn.motcua.agency.Agency;
import vn.motcua.agency.AgencyRepository;
import vn.motcua.document.OfficialDocumentProperties;
import vn.motcua.document.OfficialDocuments;
import vn.motcua.document.QrContent;
import vn.motcua.dossier.DocumentProperties;
import vn.motcua.signature.KeystoreSigningProvider;
import vn.motcua.signature.PdfSigner;
import vn.motcua.signature.SignatureProperties;
import vn.motcua.signature.SignatureRequest;
import vn.motcua.signature.SignatureVerifier;
import vn.motcua.signature.TestCertificateAuthority;
import vn.motcua.signature.TrustAnchors;

/**
 * Signatures per second: a one-page Vietnamese result PDF signed (visible block, PAdES, RSA-2048 key from a PKCS#12
 * keystore of the local test CA) by N threads, and verified; then a procedure's result produced from its template and
 * signed by the leader and the agency, as the result step does. The time of one signature is what signing adds to a
 * dossier's life beside the engine's job (the asynchronous step's own cost is the job executor's, measured by the
 * completion benchmark). Not a test: run it on demand (docs/benchmarks.md); it writes docs/benchmarks/signing.md.
 */
class SigningBenchmark {

    private static final String AGENCY = "000.00.99.H99";

    private final int[] threadCounts = Arrays.stream(
                    System.getProperty("benchmark.threads", "1,2").split(","))
            .mapToInt(t -> Integer.parseInt(t.trim()))
            .toArray();
    private final Duration warmUp = Duration.ofSeconds(Long.getLong("benchmark.warm-up-seconds", 10));
    private final Duration measure = Duration.ofSeconds(Long.getLong("benchmark.seconds", 20));

    @Test
    void signaturesPerSecond() throws Exception {
        String startedAt = Machine.loadAverage();
        String othersAtStart = Machine.otherWork();
        Path root = Reports.scratch("motcua-bench-signing-");
        try {
            DocumentProperties documents = new DocumentProperties(
                    DataSize.ofMegabytes(10),
                    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
            TestCertificateAuthority authority = TestCertificateAuthority.openOrCreate(root.resolve("signing"));
            var provided = new StaticListableBeanFactory(java.util.Map.of("testCertificateAuthority", authority))
                    .getBeanProvider(TestCertificateAuthority.class);
            AgencyRepository agencies = new AgencyRepository(null) {
                @Override
                public Optional<Agency> find(String code) {
                    return Optional.empty();
                }
            };
            SignatureProperties none = new SignatureProperties(null, null, null);
            PdfSigner signer = new PdfSigner(new KeystoreSigningProvider(none, provided, agencies), documents);
            SignatureVerifier verifier = new SignatureVerifier(new TrustAnchors(none, provided));
            byte[] pdf = result(documents);
            byte[] signed = signer.sign(pdf, request());
            if (!verifier.verify(signed).valid()) {
                throw new IllegalStateException("the benchmark's own signature does not verify");
            }

            // A result's life: the procedure's template laid out (OfficialDocuments: PDF/A-2b, QR code), then signed
            // by the leader and the agency, as ${produceResult} and ${signResult} do after the approval.
            OfficialDocuments official = new OfficialDocuments(
                    documents,
                    new OfficialDocumentProperties(
                            "http://localhost:8080", "Hệ thống thông tin giải quyết thủ tục hành chính"));
            String template = new String(
                    SigningBenchmark.class
                            .getClassLoader()
                            .getResourceAsStream("procedures/" + TEMPLATE)
                            .readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            byte[] produced = produce(official, template);
            byte[] resultSigned = signer.sign(produced, resultRequest());
            if (!verifier.verify(resultSigned).valid()
                    || verifier.verify(resultSigned).signatures().size() != 2) {
                throw new IllegalStateException("the benchmark's result does not carry two valid signatures");
            }

            List<String> rows = new ArrayList<>();
            List<String> resultRows = new ArrayList<>();
            for (int threads : threadCounts) {
                run(threads, warmUp, () -> signer.sign(pdf, request()));
                String load = Machine.load1();
                Measured signing = run(threads, measure, () -> signer.sign(pdf, request()));
                Measured verifying = run(threads, measure, () -> verifier.verify(signed));
                rows.add(String.format(
                        Locale.ROOT,
                        "| %d | %d | %.1f | %.1f | %.1f | %.1f | %s |",
                        threads,
                        signing.count(),
                        signing.perSecond(),
                        signing.meanMillis(),
                        verifying.perSecond(),
                        verifying.meanMillis(),
                        load));
                run(threads, warmUp, () -> signer.sign(produce(official, template), resultRequest()));
                String resultLoad = Machine.load1();
                Measured producing = run(threads, measure, () -> produce(official, template));
                Measured signingResult = run(threads, measure, () -> signer.sign(produced, resultRequest()));
                resultRows.add(String.format(
                        Locale.ROOT,
                        "| %d | %d | %.1f | %.1f | %d | %.1f | %.1f | %.1f | %s |",
                        threads,
                        producing.count(),
                        producing.perSecond(),
                        producing.meanMillis(),
                        signingResult.count(),
                        signingResult.perSecond(),
                        signingResult.meanMillis(),
                        producing.meanMillis() + signingResult.meanMillis(),
                        resultLoad));
            }
            String markdown = String.join(
                    "\n",
                    "# Signing benchmark",
                    "",
                    "Written by `SigningBenchmark` (docs/benchmarks.md). A one-page result PDF ("
                            + pdf.length / 1024 + " KiB, DejaVu Sans embedded) is signed as the signing step"
                            + " signs a result: visible block printed, PAdES (ETSI.CAdES.detached), RSA-2048"
                            + " key from the agency's PKCS#12 keystore (local test CA), SHA-256; signed size "
                            + signed.length / 1024 + " KiB. Then the signed file is verified as"
                            + " `POST /api/public/signatures/verify` does. Warm-up " + warmUp.toSeconds()
                            + " s, then " + measure.toSeconds() + " s per row.",
                    "",
                    "## Machine",
                    "",
                    Machine.facts(),
                    "",
                    "Load average at start: " + startedAt + ". Other work at start: " + othersAtStart + ".",
                    "",
                    "## Signatures",
                    "",
                    "| threads | signed | signatures/s | ms per signature (mean) | verifications/s"
                            + " | ms per verification (mean) | load (1 min) |",
                    "| --- | --- | --- | --- | --- | --- | --- |",
                    String.join("\n", rows),
                    "",
                    "## Results: produced and signed",
                    "",
                    "What the result step adds to a dossier's life after the leader's approval: `${produceResult}`"
                            + " lays out `" + TEMPLATE + "` (" + produced.length / 1024 + " KiB PDF/A-2b, the QR"
                            + " code, DejaVu Sans embedded) in the leader's completion; `${signResult}`, the next"
                            + " asynchronous job, signs it twice (the leader's personal key, then the agency's;"
                            + " both visible blocks; " + resultSigned.length / 1024 + " KiB signed). The job"
                            + " executor is hinted when the approval commits, so without a backlog it starts at"
                            + " once; the last column is the time both steps add when nothing waits.",
                    "",
                    "| threads | produced | results produced/s | ms to produce (mean) | signed | results signed/s"
                            + " | ms to sign twice (mean) | ms added per dossier (mean) | load (1 min) |",
                    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
                    String.join("\n", resultRows),
                    "",
                    "Load average at end: " + Machine.loadAverage() + ".",
                    "");
            Reports.write(Reports.file("signing.md"), markdown);
        } finally {
            Reports.delete(root);
        }
    }

    private static final String TEMPLATE = "chung-thuc-ban-sao/chung-thuc-ban-sao-result.xhtml";

    /** As ${produceResult} fills the certified copy's template. */
    private static byte[] produce(OfficialDocuments official, String template) {
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        String code = AGENCY + "-261201-0001";
        return official.renderSource(
                TEMPLATE,
                template,
                java.util.Map.of(
                        "coQuan", "UBND xã Xuân Đài",
                        "hoSo", java.util.Map.of("ma", code),
                        "nguoiNop", java.util.Map.of("hoTen", "Nguyễn Văn Đoàn", "dinhDanh", "001090012345"),
                        "ngayCap", now,
                        "duLieu",
                                java.util.Map.of(
                                        "documentName",
                                        "Bằng tốt nghiệp THPT",
                                        "copyCount",
                                        2,
                                        "pagesPerCopy",
                                        1,
                                        "certificationNumber",
                                        "15/2026/SCT-BS")),
                new QrContent(
                        code,
                        "2.000815",
                        "001090012345",
                        "Lời chứng chứng thực bản sao từ bản chính",
                        official.issuingSystem(),
                        now,
                        null,
                        null));
    }

    /** As ${signResult} signs a result: the approving leader first, then the agency. */
    private static SignatureRequest resultRequest() {
        return new SignatureRequest(
                AGENCY,
                "UBND xã Xuân Đài",
                "Lê Minh Cường",
                AGENCY + "-261201-0001",
                "Kết quả giải quyết thủ tục hành chính",
                Instant.now(),
                "lanhdao01",
                "Lê Minh Cường");
    }

    private static SignatureRequest request() {
        return new SignatureRequest(
                AGENCY,
                "UBND xã Xuân Đài",
                "Trần Thị Lãnh Đạo",
                AGENCY + "-261201-0001",
                "Kết quả giải quyết thủ tục hành chính",
                Instant.now());
    }

    private record Measured(long count, double perSecond, double meanMillis) {}

    /** Closed loop: each thread repeats the action until the time is up. */
    private static Measured run(int threads, Duration length, Runnable action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<long[]>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long count = 0;
                    long busy = 0;
                    while (!stop.get()) {
                        long begin = System.nanoTime();
                        action.run();
                        busy += System.nanoTime() - begin;
                        count++;
                    }
                    return new long[] {count, busy};
                }));
            }
            Thread.sleep(length.toMillis());
            stop.set(true);
            long count = 0;
            long busy = 0;
            for (Future<long[]> worker : workers) {
                long[] result = worker.get();
                count += result[0];
                busy += result[1];
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Measured(count, count / seconds, count == 0 ? 0 : busy / 1e6 / count);
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] result(DocumentProperties documents) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, new File(documents.font()));
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                out.beginText();
                out.setFont(font, 12);
                out.setLeading(16);
                out.newLineAtOffset(56, 780);
                for (String line : new String[] {
                    "UBND XÃ XUÂN ĐÀI",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Độc lập - Tự do - Hạnh phúc",
                    "LỜI CHỨNG CỦA NGƯỜI THỰC HIỆN CHỨNG THỰC",
                    "Chứng thực bản sao này đúng với bản chính.",
                    "Số chứng thực: 15/2026/SCT-BS, quyển số 01/2026-SCT/BS."
                }) {
                    out.showText(line);
                    out.newLine();
                }
                out.endText();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }
}
