package vn.motcua.app.fee;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.dossier.InvalidSubmissionException.FieldProblem;
import vn.motcua.fee.FeeQuote;
import vn.motcua.fee.FeeQuotes;
import vn.motcua.fee.InvalidFeeDataException;
import vn.motcua.fee.UnknownProcedureException;

/** The fee quote's contract: the answer's shape, and problem details for refused data and unknown procedures. */
@WebMvcTest(controllers = FeeQuoteController.class)
@AutoConfigureMockMvc(addFilters = false)
class FeeQuoteControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    FeeQuotes quotes;

    @Test
    void answersTheAmountInWholeDongWithItsItemsAndLegalBasis() throws Exception {
        when(quotes.quote("chung-thuc-ban-sao", Map.of("documentName", "Bằng", "copyCount", 1, "pagesPerCopy", 5)))
                .thenReturn(new FeeQuote(
                        7_000,
                        "VND",
                        List.of(new FeeQuote.Item("Phí chứng thực bản sao từ bản chính", 7_000)),
                        "Thông tư 226/2016/TT-BTC"));

        mvc.perform(post("/api/public/procedures/chung-thuc-ban-sao/fee-quote")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"data\": {\"documentName\": \"Bằng\", \"copyCount\": 1, \"pagesPerCopy\": 5}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amount").value(7000))
                .andExpect(jsonPath("$.currency").value("VND"))
                .andExpect(jsonPath("$.items[0].name").value("Phí chứng thực bản sao từ bản chính"))
                .andExpect(jsonPath("$.items[0].amount").value(7000))
                .andExpect(jsonPath("$.legalBasis").value("Thông tư 226/2016/TT-BTC"));
    }

    @Test
    void dataTheStartFormRefusesAnswers400NamingTheFields() throws Exception {
        when(quotes.quote(eq("chung-thuc-ban-sao"), any()))
                .thenThrow(new InvalidFeeDataException(List.of(
                        new FieldProblem("data.copyCount", "must be at least 1"),
                        new FieldProblem("data.pagesPerCopy", "is required"))));

        mvc.perform(post("/api/public/procedures/chung-thuc-ban-sao/fee-quote")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"data\": {\"copyCount\": 0}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://motcua.vn/problems/invalid-fee-data"))
                .andExpect(jsonPath("$.errors[0].field").value("data.copyCount"))
                .andExpect(jsonPath("$.errors[1].field").value("data.pagesPerCopy"));
    }

    @Test
    void anUnknownProcedureAnswers404() throws Exception {
        when(quotes.quote(eq("khong-co"), any())).thenThrow(new UnknownProcedureException("khong-co"));

        mvc.perform(post("/api/public/procedures/khong-co/fee-quote")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"data\": {}}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://motcua.vn/problems/procedure-not-found"));
    }
}
