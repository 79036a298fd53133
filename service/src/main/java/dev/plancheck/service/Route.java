package dev.plancheck.service;

import dev.plancheck.input.ProblemCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One address of the routing table: what each method does there. A GET answers HEAD too (headers only); any other
 * method gets 405 with {@code Allow}. An action either answers before it returns or takes the exchange over (an
 * upload read without a thread, a check queued for a free slot) and answers later; a {@link Rejection} it throws is
 * answered for it.
 */
final class Route extends Handler.Abstract {
    /** What one method does at this address. */
    interface Action {
        void handle(Exchange ex) throws Rejection;
    }

    private final Map<String, Action> actions = new LinkedHashMap<>();
    private Action otherMethod;

    static Route get(Action action) {
        Route r = new Route();
        r.actions.put("GET", action);
        r.actions.put("HEAD", action);
        return r;
    }

    static Route post(Action action) {
        Route r = new Route();
        r.actions.put("POST", action);
        return r;
    }

    /** What any method not listed gets instead of the standard 405 (it must still answer 405). */
    Route otherwise(Action action) {
        this.otherMethod = action;
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange ex = new Exchange(request, response, callback);
        Action action = actions.get(request.getMethod());
        try {
            if (action != null) {
                action.handle(ex);
            } else {
                response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", actions.keySet()));
                if (otherMethod != null) {
                    otherMethod.handle(ex);
                } else {
                    throw Rejection.of(405, ProblemCode.REQUEST_METHOD, "", "此地址不接受 " + request.getMethod()
                            + " 请求；可用：" + String.join("、", actions.keySet()));
                }
            }
        } catch (Rejection r) {
            // Refused before the body was read (a token, a length, a content type): what is left is never read.
            ex.reject(r, ex.hasBody());
        }
        return true;
    }
}
