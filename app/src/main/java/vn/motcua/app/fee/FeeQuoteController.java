package vn.motcua.app.fee;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.fee.FeeQuote;
import vn.motcua.fee.FeeQuotes;

@RestController
@RequestMapping("/api/public/procedures")
@Tag(name = "Fees", description = "Phí, lệ phí: what a dossier would cost, before submitting")
class FeeQuoteController {

    private final FeeQuotes quotes;

    FeeQuoteController(FeeQuotes quotes) {
        this.quotes = quotes;
    }

    @PostMapping("/{key}/fee-quote")
    @Operation(
            summary = "The fee of a dossier with this start form data, by the procedure's latest fee table",
            description = "Amount in whole đồng; 0 for a procedure without a fee. Data the start form refuses: 400"
                    + " naming the fields; an unknown procedure: 404.")
    FeeQuote quote(@PathVariable String key, @RequestBody FeeQuoteRequest request) {
        return quotes.quote(key, request.data());
    }

    /** @param data the start form's fields, exactly as in a submission's {@code data} */
    record FeeQuoteRequest(Map<String, Object> data) {}
}
