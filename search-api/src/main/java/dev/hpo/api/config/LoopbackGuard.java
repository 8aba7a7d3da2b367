package dev.hpo.api.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a service reachable from other machines without a token: anyone on the network could
 * otherwise create studies and report results.
 */
@Component
class LoopbackGuard implements InitializingBean {

    private final ApiProperties properties;
    private final String address;

    LoopbackGuard(ApiProperties properties, @Value("${server.address:}") String address) {
        this.properties = properties;
        this.address = address;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.tokensConfigured() && !isLoopback(address)) {
            throw new IllegalStateException("Refusing to listen on " + (address.isBlank() ? "every address" : address)
                    + " without a token: pass --token or set HPO_API_TOKEN, or bind to 127.0.0.1.");
        }
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
