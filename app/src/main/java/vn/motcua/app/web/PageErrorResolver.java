package vn.motcua.app.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that fails shows a page. For a browser asking for a page ({@link PageRequests}), an exception is first given
 * to the application's usual handlers ({@link ApiProblems} and the features' {@code *Problems}), which decide its
 * status as they do for the API; their problem body is dropped and the status is sent as an error, which the
 * container hands to {@link ProblemErrorController}, the one place that answers an error: the HTML error page in the
 * site's layout for a page, problem details for everything else. Other requests are left to the handlers untouched.
 */
@Component
class PageErrorResolver implements HandlerExceptionResolver, Ordered {

    private final HandlerExceptionResolver handlers;

    PageErrorResolver(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver handlers) {
        this.handlers = handlers;
    }

    /** Before Spring MVC's own resolvers (order 0), after Spring Boot's, which only records the exception. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception exception) {
        if (!PageRequests.wantsPage(request) || response.isCommitted()) {
            return null;
        }
        StatusOnly status = new StatusOnly(response);
        if (handlers.resolveException(request, status, handler, exception) == null) {
            return null; // no handler knows it: the container's error dispatch answers 500
        }
        try {
            response.sendError(status.code < 400 ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : status.code);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    /** Keeps the status a handler sets; everything else it writes (headers, the problem body) goes nowhere. */
    private static final class StatusOnly extends HttpServletResponseWrapper {

        private int code = SC_OK;

        StatusOnly(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            code = sc;
        }

        @Override
        public void sendError(int sc) {
            code = sc;
        }

        @Override
        public void sendError(int sc, String msg) {
            code = sc;
        }

        @Override
        public int getStatus() {
            return code;
        }

        @Override
        public void setHeader(String name, String value) {}

        @Override
        public void addHeader(String name, String value) {}

        @Override
        public void setIntHeader(String name, int value) {}

        @Override
        public void addIntHeader(String name, int value) {}

        @Override
        public void setDateHeader(String name, long date) {}

        @Override
        public void addDateHeader(String name, long date) {}

        @Override
        public void setContentType(String type) {}

        @Override
        public void setCharacterEncoding(String charset) {}

        @Override
        public void setContentLength(int len) {}

        @Override
        public void setContentLengthLong(long len) {}

        @Override
        public void setBufferSize(int size) {}

        @Override
        public void flushBuffer() {}

        @Override
        public void resetBuffer() {}

        @Override
        public void reset() {}

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {}

                @Override
                public void write(int b) {}

                @Override
                public void write(byte[] b, int off, int len) {}
            };
        }

        @Override
        public PrintWriter getWriter() {
            return new PrintWriter(OutputStream.nullOutputStream());
        }
    }
}
