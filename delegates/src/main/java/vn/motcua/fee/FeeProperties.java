package vn.motcua.fee;

import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The fees a province sets by resolution of its People's Council ({@code motcua.fees.*}), in whole đồng. The fee
 * tables read them as DMN inputs of the same name ({@link #parameters()}). The defaults are examples, not any
 * province's confirmed figures: set them to the province's resolution.
 *
 * @param lateBirthRegistrationFee          lệ phí đăng ký khai sinh quá hạn
 * @param householdBusinessRegistrationFee  lệ phí đăng ký hộ kinh doanh
 */
@ConfigurationProperties("motcua.fees")
@Validated
public record FeeProperties(
        @PositiveOrZero @DefaultValue("8000") long lateBirthRegistrationFee,
        @PositiveOrZero @DefaultValue("50000") long householdBusinessRegistrationFee) {

    /** The DMN inputs, by the names the fee tables use. */
    public Map<String, Object> parameters() {
        return Map.of(
                "lateBirthRegistrationFee", lateBirthRegistrationFee,
                "householdBusinessRegistrationFee", householdBusinessRegistrationFee);
    }
}
