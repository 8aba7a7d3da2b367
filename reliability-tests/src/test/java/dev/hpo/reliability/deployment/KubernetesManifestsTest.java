package dev.hpo.reliability.deployment;

import static dev.hpo.reliability.deployment.YamlTree.list;
import static dev.hpo.reliability.deployment.YamlTree.map;
import static dev.hpo.reliability.deployment.YamlTree.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** deploy/k8s: the cross-references a cluster only reports once the pods fail to start or find each other. */
class KubernetesManifestsTest {

    private static final String DIRECTORY = "deploy/k8s/";

    private final Repository repository = Repository.located();
    private final Map<String, Object> kustomization =
            YamlTree.documents(repository.read(DIRECTORY + "kustomization.yaml")).get(0);
    private final List<Map<String, Object>> objects = objects();
    private final Set<String> secretKeys =
            map(YamlTree.documents(repository.read(DIRECTORY + "secret.example.yaml")).get(0), "stringData").keySet();

    @Test
    void kustomizationListsExistingFilesAndNoSecret() {
        for (Object resource : list(kustomization, "resources")) {
            assertThat(repository.resolve(DIRECTORY + resource)).isRegularFile();
        }
        assertThat(objects).noneMatch(object -> "Secret".equals(string(object, "kind")));
    }

    @Test
    void everyWorkloadSelectsItsOwnPods() {
        for (Map<String, Object> workload : workloads()) {
            Map<String, Object> selector = map(workload, "spec", "selector", "matchLabels");
            assertThat(selector).as(name(workload)).isNotEmpty();
            assertThat(map(workload, "spec", "template", "metadata", "labels"))
                    .as(name(workload)).containsAllEntriesOf(selector);
        }
    }

    @Test
    void everyServiceReachesAWorkloadOnANamedPort() {
        for (Map<String, Object> service : ofKind("Service")) {
            Map<String, Object> selector = map(service, "spec", "selector");
            List<Map<String, Object>> targets = workloads().stream()
                    .filter(workload -> map(workload, "spec", "template", "metadata", "labels").entrySet()
                            .containsAll(selector.entrySet()))
                    .toList();
            assertThat(targets).as("pods behind service %s", name(service)).hasSize(1);
            List<String> portNames = new ArrayList<>();
            for (Object container : containers(targets.get(0))) {
                list(container, "ports").forEach(port -> portNames.add(string(port, "name")));
            }
            for (Object port : list(service, "spec", "ports")) {
                assertThat(portNames).as(name(service)).contains(string(port, "targetPort"));
            }
        }
    }

    @Test
    void secretsReferToKeysTheSecretRecipeDefines() {
        for (Map<String, Object> workload : workloads()) {
            for (Object container : containers(workload)) {
                for (Object env : list(container, "env")) {
                    String key = string(env, "valueFrom", "secretKeyRef", "key");
                    if (key != null) {
                        assertThat(string(env, "valueFrom", "secretKeyRef", "name")).isEqualTo("hpo-secrets");
                        assertThat(secretKeys).as(name(workload)).contains(key);
                    }
                    String value = string(env, "value");
                    if (value != null && value.startsWith("/run/secrets/hpo/")) {
                        assertThat(secretKeys).as(name(workload)).contains(value.substring("/run/secrets/hpo/".length()));
                    }
                }
            }
            for (Object volume : list(workload, "spec", "template", "spec", "volumes")) {
                String secret = string(volume, "secret", "secretName");
                if (secret != null) {
                    assertThat(secret).isEqualTo("hpo-secrets");
                }
            }
        }
    }

    @Test
    void gpuWorkersTakeOneGpuEachAndCpuWorkersNone() {
        Map<String, Object> gpu = workload("worker-gpu");
        Map<String, Object> cpu = workload("worker-cpu");
        assertThat(string(containers(gpu).get(0), "resources", "limits", "nvidia.com/gpu")).isEqualTo("1");
        assertThat(env(gpu, "HPO_DEVICE")).isEqualTo("cuda:0");
        assertThat(string(containers(gpu).get(0), "image")).isEqualTo("hpo/worker-cuda");
        assertThat(map(containers(cpu).get(0), "resources", "limits")).doesNotContainKey("nvidia.com/gpu");
        assertThat(env(cpu, "HPO_DEVICE")).isEqualTo("cpu");
    }

    @Test
    void containersUseTheImagesComposeBuildsAndSettingsTheEntrypointReads() {
        Map<String, Object> compose = YamlTree.documents(repository.read("docker-compose.yml")).get(0);
        List<String> composeImages = new ArrayList<>();
        map(compose, "services").values().forEach(service -> {
            String image = string(service, "image");
            composeImages.add(withoutTag(image));
        });
        Set<String> read = EntrypointScript.variables(repository.read("docker/hpo-entrypoint.sh"));
        for (Map<String, Object> workload : workloads()) {
            for (Object container : containers(workload)) {
                assertThat(composeImages).as(name(workload)).contains(withoutTag(string(container, "image")));
                for (Object env : list(container, "env")) {
                    String variable = string(env, "name");
                    if (variable.startsWith("HPO_")) {
                        assertThat(read).as("%s sets %s", name(workload), variable).contains(variable);
                    }
                }
            }
        }
        for (Object image : list(kustomization, "images")) {
            assertThat(composeImages).contains(string(image, "name"));
        }
    }

    @Test
    void apiBindsBeyondLoopbackOnlyWithAToken() {
        Map<String, Object> api = workload("api");
        assertThat(env(api, "HPO_BIND")).isEqualTo("0.0.0.0");
        assertThat(env(api, "HPO_TOKEN_FILE")).isNotBlank();
        assertThat(string(api, "spec", "strategy", "type")).isEqualTo("Recreate");
    }

    private List<Map<String, Object>> objects() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object resource : list(kustomization, "resources")) {
            all.addAll(YamlTree.documents(repository.read(DIRECTORY + resource)));
        }
        return all;
    }

    private List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(string(object, "kind"))).toList();
    }

    private List<Map<String, Object>> workloads() {
        List<Map<String, Object>> workloads = new ArrayList<>(ofKind("Deployment"));
        workloads.addAll(ofKind("StatefulSet"));
        return workloads;
    }

    private Map<String, Object> workload(String name) {
        return workloads().stream().filter(workload -> name.equals(name(workload))).findFirst()
                .orElseThrow(() -> new AssertionError("no workload " + name));
    }

    private static List<Object> containers(Map<String, Object> workload) {
        return list(workload, "spec", "template", "spec", "containers");
    }

    private static String env(Map<String, Object> workload, String variable) {
        return list(containers(workload).get(0), "env").stream()
                .filter(env -> variable.equals(string(env, "name")))
                .map(env -> string(env, "value"))
                .findFirst().orElse(null);
    }

    private static String withoutTag(String image) {
        return image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
    }

    private static String name(Map<String, Object> object) {
        return string(object, "metadata", "name");
    }
}
