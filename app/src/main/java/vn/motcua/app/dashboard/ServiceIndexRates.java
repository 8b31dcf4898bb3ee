package vn.motcua.app.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import vn.motcua.stats.ServiceIndices;

/**
 * Two indices of Quyết định 766/QĐ-TTg on the dashboard, from {@link ServiceIndices}: the share of paid dossiers paid
 * online (by the collecting agency, month of payment) and the share of finished dossiers whose result was issued
 * electronically (by the competent agency, month of finishing).
 */
final class ServiceIndexRates implements DashboardRates {

    private final ServiceIndices indices;
    private final String titleVi;
    private final String titleEn;
    private final Function<ServiceIndices.Row, Long> counted;
    private final Function<ServiceIndices.Row, Double> rate;

    private ServiceIndexRates(
            ServiceIndices indices,
            String titleVi,
            String titleEn,
            Function<ServiceIndices.Row, Long> counted,
            Function<ServiceIndices.Row, Double> rate) {
        this.indices = indices;
        this.titleVi = titleVi;
        this.titleEn = titleEn;
        this.counted = counted;
        this.rate = rate;
    }

    static ServiceIndexRates onlinePayment(ServiceIndices indices) {
        return new ServiceIndexRates(
                indices,
                "Tỷ lệ hồ sơ thanh toán trực tuyến theo cơ quan",
                "Share of fees paid online by agency",
                ServiceIndices.Row::paid,
                ServiceIndices.Row::onlinePaymentRate);
    }

    static ServiceIndexRates electronicResults(ServiceIndices indices) {
        return new ServiceIndexRates(
                indices,
                "Tỷ lệ kết quả điện tử (ký số) theo cơ quan",
                "Share of results issued electronically (signed) by agency",
                ServiceIndices.Row::finished,
                ServiceIndices.Row::resultsElectronicRate);
    }

    @Override
    public String titleVi() {
        return titleVi;
    }

    @Override
    public String titleEn() {
        return titleEn;
    }

    @Override
    public List<Rate> between(LocalDate from, LocalDate to) {
        return indices.between(from, to).stream()
                .map(r -> new Rate(r.agencyCode(), r.month(), counted.apply(r), rate.apply(r)))
                .toList();
    }
}
