package dev.slackmgr.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.util.Map;

/**
 * The servlet container's error page ({@code /error}, reached for errors outside Spring MVC's handlers, e.g. a
 * {@code TRACE} refused by the servlet or an exception escaping a filter): {@code {"error": …}} naming the problem,
 * written directly (see {@link ErrorResponses}). Replaces Spring Boot's {@code BasicErrorController}, whose body
 * ({@code timestamp}, {@code status}, {@code error: "Bad Request"}) did not follow the API's error format.
 */
@Controller
public class JsonErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer)) {
            // a client asking for /error itself (the HTTP fuzz run found it answered 500): not an endpoint
            ErrorResponses.write(response, 404,
                    new ErrorBody("404 page not found: " + request.getMethod() + " " + request.getRequestURI()), Map.of());
            return;
        }
        int status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String u ? u
                : request.getRequestURI();
        String message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String m ? m.strip() : "";
        String text;
        if (status >= 500 && status != 503) {
            text = "Internal server error";
        } else if (status == 404) {
            text = "404 page not found: " + request.getMethod() + " " + uri;
        } else {
            HttpStatus known = HttpStatus.resolve(status);
            text = (known == null ? "Error " + status : known.getReasonPhrase()) + ": " + request.getMethod() + " "
                    + uri + (message.isEmpty() ? "" : " (" + message + ")");
        }
        ErrorResponses.write(response, status, new ErrorBody(text), Map.of());
    }
}
