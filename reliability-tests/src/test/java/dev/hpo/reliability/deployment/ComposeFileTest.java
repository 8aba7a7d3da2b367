package dev.hpo.reliability.deployment;

import static dev.hpo.reliability.deployment.YamlTree.list;
import static dev.hpo.reliability.deployment.YamlTree.map;
import static dev.hpo.reliability.deployment.YamlTree.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml beyond its syntax (which the test script checks with docker-compose config): the parts
 * that only fail when the stack starts.
 */
class ComposeFileTest {

    private final Repository repository = Repository.located();
    private final Map<String, Object> compose = YamlTree.documents(repository.read("docker-compose.yml")).get(0);
    private final Map<String, Object> services = map(compose, "services");

    @Test
    void hasTheDatabaseTheApiAndBothKindsOfWorker() {
        assertThat(services).containsKeys("postgres", "api", "worker", "worker-gpu0");
    }

    @Test
    void everyBuiltServiceNamesAnExistingDockerfile() {
        services.forEach((name, service) -> {
            String dockerfile = string(service, "build", "dockerfile");
            if (dockerfile != null) {
                assertThat(repository.resolve(dockerfile)).as(name).isRegularFile();
                assertThat(string(service, "build", "context")).as(name).isEqualTo(".");
            }
        });
    }

    @Test
    void everySecretVolumeAndDependencyAServiceUsesIsDeclared() {
        Set<String> secrets = map(compose, "secrets").keySet();
        Set<String> volumes = map(compose, "volumes").keySet();
        services.forEach((name, service) -> {
            for (Object secret : list(service, "secrets")) {
                assertThat(secrets).as("%s uses secret %s", name, secret).contains(String.valueOf(secret));
            }
            for (Object volume : list(service, "volumes")) {
                String source = String.valueOf(volume).split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    assertThat(volumes).as("%s uses volume %s", name, source).contains(source);
                }
            }
            assertThat(services.keySet()).as("%s depends on", name).containsAll(map(service, "depends_on").keySet());
        });
    }

    @Test
    void cpuWorkerScalesWithoutNameOrPortClashes() {
        Map<String, Object> worker = map(services, "worker");
        assertThat(worker).doesNotContainKeys("container_name", "ports");
        assertThat(map(worker, "environment")).doesNotContainKey("HPO_WORKER_ID");
        assertThat(string(worker, "environment", "HPO_DEVICE")).isEqualTo("cpu");
    }

    @Test
    void eachGpuWorkerReservesOneDistinctNvidiaDevice() {
        Set<String> deviceIds = new HashSet<>();
        Set<String> workerIds = new HashSet<>();
        List<String> gpuServices = new ArrayList<>();
        services.forEach((name, service) -> {
            List<Object> devices = list(service, "deploy", "resources", "reservations", "devices");
            if (devices.isEmpty()) {
                return;
            }
            gpuServices.add(name);
            assertThat(devices).as(name).hasSize(1);
            assertThat(string(devices.get(0), "driver")).as(name).isEqualTo("nvidia");
            List<Object> ids = list(devices.get(0), "device_ids");
            assertThat(ids).as("%s pins one device", name).hasSize(1);
            assertThat(deviceIds.add(String.valueOf(ids.get(0)))).as("%s device id is unique", name).isTrue();
            assertThat(workerIds.add(string(service, "environment", "HPO_WORKER_ID")))
                    .as("%s worker id is unique", name).isTrue();
            assertThat(string(service, "environment", "HPO_DEVICE")).as(name).isEqualTo("cuda:0");
            assertThat(list(service, "profiles")).as(name).containsExactly("gpu");
            assertThat(string(service, "build", "dockerfile")).as(name).isEqualTo("docker/worker-cuda.Dockerfile");
        });
        assertThat(gpuServices).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void apiListensOnTheNetworkOnlyWithATokenAndPublishesOnLoopback() {
        Map<String, Object> api = map(services, "api");
        assertThat(string(api, "environment", "HPO_BIND")).isEqualTo("0.0.0.0");
        assertThat(string(api, "environment", "HPO_TOKEN_FILE")).startsWith("/run/secrets/");
        assertThat(list(api, "secrets")).contains("hpo_token");
        for (Object port : list(api, "ports")) {
            assertThat(String.valueOf(port)).startsWith("127.0.0.1:");
        }
        assertThat(list(api, "healthcheck", "test")).isNotEmpty();
        assertThat(list(map(services, "postgres"), "healthcheck", "test")).isNotEmpty();
    }

    @Test
    void everySettingGivenToAContainerIsOneTheEntrypointReads() {
        Set<String> read = EntrypointScript.variables(repository.read("docker/hpo-entrypoint.sh"));
        services.forEach((name, service) -> {
            for (String key : map(service, "environment").keySet()) {
                if (key.startsWith("HPO_")) {
                    assertThat(read).as("%s sets %s", name, key).contains(key);
                }
            }
        });
    }
}
