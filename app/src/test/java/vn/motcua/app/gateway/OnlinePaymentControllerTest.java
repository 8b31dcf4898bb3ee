package vn.motcua.app.gateway;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.motcua.app.web.ApiProblems;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.LookupKeys;

/** Without a configured gateway (a production start without VNPAY settings) there is no online payment. */
@WebMvcTest(controllers = OnlinePaymentController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({GatewayProblems.class, ApiProblems.class})
class OnlinePaymentControllerTest {

    /** The application's own clock (EngineClock) runs: a request open for an hour from now. */
    static final Instant NOW = Instant.now();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DossierRepository dossiers;

    @MockitoBean
    PaymentLedger ledger;

    @Test
    void withoutAGatewayTheCitizenIsToldToPayAtTheDesk() throws Exception {
        when(dossiers.lookupKeySha256("D-1")).thenReturn(Optional.of(LookupKeys.sha256("khoa")));
        when(ledger.find("REF"))
                .thenReturn(Optional.of(
                        new PayableRequest("REF", "D-1", 2000, NOW.plusSeconds(3600), PayableRequest.State.OPEN)));

        mvc.perform(post("/api/public/dossiers/D-1/payments/REF/online").header("X-Lookup-Key", "khoa"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://motcua.vn/problems/online-payment-unavailable"));
    }

    @Test
    void aWrongKeyAnswersLikeAnUnknownDossier() throws Exception {
        when(dossiers.lookupKeySha256("D-1")).thenReturn(Optional.of(LookupKeys.sha256("khoa")));

        mvc.perform(post("/api/public/dossiers/D-1/payments/REF/online").header("X-Lookup-Key", "sai"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://motcua.vn/problems/dossier-not-found"));
    }
}
