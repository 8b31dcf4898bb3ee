package vn.motcua.app.gateway.vnpay;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import vn.motcua.app.gateway.GatewayRequests;
import vn.motcua.app.gateway.ResultPage;

/** Where VNPAY sends the citizen's browser back: shows the verified outcome, marks nothing paid (only the IPN does). */
@Controller
class VnpayReturnPage {

    private final ObjectProvider<VnpayGateway> gateway;

    VnpayReturnPage(ObjectProvider<VnpayGateway> gateway) {
        this.gateway = gateway;
    }

    @GetMapping(path = VnpayGateway.RETURN_PAGE, produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    @ResponseBody
    String result(HttpServletRequest request) {
        VnpayGateway vnpay = gateway.getIfAvailable();
        if (vnpay == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResultPage.render(vnpay.browserReturn(GatewayRequests.firstValues(request), request.getRemoteAddr()));
    }
}
