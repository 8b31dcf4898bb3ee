package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.fee.FeeQuote;
import vn.motcua.fee.FeeQuote.Item;
import vn.motcua.fee.FeeQuotes;
import vn.motcua.fee.InvalidFeeDataException;
import vn.motcua.testing.ProcessTestPlatform;

/**
 * The shipped fee tables ({@code <key>-fee.dmn}) evaluated by the engine on the start form's data, against the
 * official schedules' examples: Thông tư 226/2016/TT-BTC (chứng thực), Thông tư 16/2025/TT-BTC (lý lịch tư pháp),
 * Luật Hộ tịch art. 11 and the province's parameters (khai sinh, hộ kinh doanh; defaults of {@code motcua.fees.*}).
 */
class FeeRulesTest {

    private final FeeQuotes quotes = ProcessTestPlatform.bean(FeeQuotes.class);

    @BeforeAll
    static void deployProcedures() {
        ProcedureTestSupport.deployProcedures();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void oneCopyOfFivePagesCostsTwoTimesTwoThousandPlusThreeTimesOneThousand() {
        FeeQuote quote = copies(1, 5);

        assertThat(quote.amount()).isEqualTo(7_000);
        assertThat(quote.currency()).isEqualTo("VND");
        assertThat(quote.items()).singleElement().satisfies(item -> {
            assertThat(item.amount()).isEqualTo(7_000);
            assertThat(item.name()).startsWith("Phí chứng thực bản sao từ bản chính");
        });
        assertThat(quote.legalBasis()).contains("226/2016/TT-BTC");
    }

    @Test
    void theFeeIsChargedPerCopy() {
        assertThat(copies(3, 5).amount()).isEqualTo(21_000);
        assertThat(copies(3, 1).amount()).isEqualTo(6_000);
        assertThat(copies(1, 2).amount()).isEqualTo(4_000);
        assertThat(copies(2, 3).amount()).isEqualTo(10_000);
    }

    @Test
    void aCopyCostsAtMostTwoHundredThousand() {
        assertThat(copies(1, 197).amount()).isEqualTo(199_000);
        assertThat(copies(1, 198).amount()).isEqualTo(200_000);
        assertThat(copies(1, 199).amount()).isEqualTo(200_000);
        assertThat(copies(1, 500).amount()).isEqualTo(200_000);
        assertThat(copies(3, 500).amount()).isEqualTo(600_000);
    }

    @Test
    void aJudicialRecordCostsTwoHundredThousandWhenNoReductionApplies() {
        assertThat(judicialRecord("thong-thuong", 1).amount()).isEqualTo(200_000);
        assertThat(judicialRecord("thong-thuong", 2).amount()).isEqualTo(200_000);
        FeeQuote withoutCategory = judicialRecord(null, 1);
        assertThat(withoutCategory.amount()).isEqualTo(200_000);
        assertThat(withoutCategory.items()).extracting(Item::name).containsExactly("Phí cấp Phiếu lý lịch tư pháp");
        assertThat(withoutCategory.legalBasis()).contains("16/2025/TT-BTC");
    }

    @Test
    void pupilsFromSixteenStudentsPeopleWithMeritsAndMartyrsRelativesPayHalf() {
        for (String category : new String[] {"hoc-sinh-sinh-vien", "nguoi-co-cong", "than-nhan-liet-si"}) {
            assertThat(judicialRecord(category, 1).amount()).as(category).isEqualTo(100_000);
        }
    }

    @Test
    void childrenTheElderlyPeopleWithDisabilitiesAndPoorOrNearPoorHouseholdsAreExempt() {
        for (String category :
                new String[] {"tre-em", "nguoi-cao-tuoi", "nguoi-khuyet-tat", "ho-ngheo", "ho-can-ngheo"}) {
            FeeQuote quote = judicialRecord(category, 1);
            assertThat(quote.amount()).as(category).isZero();
            assertThat(quote.items())
                    .as(category)
                    .singleElement()
                    .satisfies(item -> assertThat(item.name()).startsWith("Miễn phí cấp Phiếu lý lịch tư pháp"));
        }
    }

    @Test
    void everyCertificateBeyondTheSecondAddsFiveThousand() {
        FeeQuote three = judicialRecord("thong-thuong", 3);
        assertThat(three.amount()).isEqualTo(205_000);
        assertThat(three.items()).extracting(Item::amount).containsExactlyInAnyOrder(200_000L, 5_000L);
        assertThat(judicialRecord("thong-thuong", 10).amount()).isEqualTo(240_000);
        assertThat(judicialRecord("hoc-sinh-sinh-vien", 4).amount()).isEqualTo(110_000);
        assertThat(judicialRecord("tre-em", 3).amount()).isEqualTo(5_000);
    }

    @Test
    void aBirthRegisteredWithinSixtyDaysIsFreeAndALateOneCostsTheProvincesFee() {
        Map<String, Object> data = DangKyKhaiSinhProcessTest.validData();
        data.put("childBirthDate", "2026-06-20");

        today("2026-08-19"); // the 60th day after the birth
        FeeQuote onTime = quotes.quote("dang-ky-khai-sinh", data);
        assertThat(onTime.amount()).isZero();
        assertThat(onTime.items()).extracting(Item::name).containsExactly("Đăng ký khai sinh đúng hạn: miễn lệ phí");

        today("2026-08-20");
        FeeQuote late = quotes.quote("dang-ky-khai-sinh", data);
        assertThat(late.amount()).isEqualTo(8_000); // motcua.fees.late-birth-registration-fee's default
        assertThat(late.legalBasis()).contains("Luật Hộ tịch");
    }

    @Test
    void aHouseholdBusinessPaysTheProvincesFee() {
        FeeQuote quote = quotes.quote("dang-ky-ho-kinh-doanh", DangKyHoKinhDoanhProcessTest.validData());

        assertThat(quote.amount()).isEqualTo(50_000); // motcua.fees.household-business-registration-fee's default
        assertThat(quote.items())
                .singleElement()
                .satisfies(item -> assertThat(item.name())
                        .isEqualTo("Lệ phí đăng ký hộ kinh doanh (theo nghị quyết của Hội đồng nhân dân tỉnh)"));
    }

    @Test
    void dataTheStartFormRefusesIsNotQuotedAndEachProblemNamesItsField() {
        Map<String, Object> data = new HashMap<>(DossierSubmissionTest.validData());
        data.put("copyCount", 0);
        data.remove("pagesPerCopy");

        assertThatThrownBy(() -> quotes.quote("chung-thuc-ban-sao", data))
                .isInstanceOfSatisfying(
                        InvalidFeeDataException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactlyInAnyOrder("data.copyCount", "data.pagesPerCopy"));
    }

    private FeeQuote copies(int copyCount, int pagesPerCopy) {
        Map<String, Object> data = new HashMap<>(DossierSubmissionTest.validData());
        data.put("copyCount", copyCount);
        data.put("pagesPerCopy", pagesPerCopy);
        return quotes.quote("chung-thuc-ban-sao", data);
    }

    private FeeQuote judicialRecord(String feeCategory, int copyCount) {
        Map<String, Object> data = new HashMap<>(CapPhieuLyLichTuPhapProcessTest.validData());
        if (feeCategory != null) {
            data.put("feeCategory", feeCategory);
        }
        data.put("copyCount", copyCount);
        return quotes.quote("cap-phieu-ly-lich-tu-phap", data);
    }

    private static void today(String date) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(date + "T03:00:00Z")));
    }
}
