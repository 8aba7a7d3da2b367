package dev.hpo.reliability.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What can go wrong in the images without building them: missing paths, modules, main classes, settings. */
class DockerfilesTest {

    private static final Pattern BUILT_MODULE = Pattern.compile("-pl\\s+(\\S+)");
    private static final Pattern COLLECTED_MODULE = Pattern.compile("collect-runtime\\.sh\\s+(\\S+)");
    private static final Pattern ENTRYPOINT_ROLE = Pattern.compile("\"/usr/local/bin/hpo-entrypoint\",\\s*\"(\\w+)\"");

    private final Repository repository = Repository.located();

    @Test
    void everyPathCopiedFromTheBuildContextExistsAndIsNotIgnored() {
        List<PathMatcher> ignored = dockerIgnore();
        for (Dockerfile dockerfile : dockerfiles()) {
            for (Dockerfile.Instruction copy : dockerfile.all("COPY")) {
                if (copy.hasFlag("--from=")) {
                    continue;
                }
                List<String> words = copy.words().stream().filter(word -> !word.startsWith("--")).toList();
                for (String source : words.subList(0, words.size() - 1)) {
                    assertThat(repository.resolve(source))
                            .as("%s copies %s", dockerfile.name(), source)
                            .exists();
                    assertThat(isIgnored(ignored, source))
                            .as("%s copies %s, which .dockerignore leaves out of the build context",
                                    dockerfile.name(), source)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void buildStageCopiesEveryModuleOfTheReactor() {
        for (Dockerfile dockerfile : dockerfiles()) {
            List<String> copied = dockerfile.all("COPY").stream()
                    .filter(instruction -> instruction.stage() == 0)
                    .map(instruction -> stripSlash(instruction.words().get(0)))
                    .toList();
            assertThat(copied)
                    .as("%s: Maven refuses a reactor with a module directory missing", dockerfile.name())
                    .containsAll(repository.modules());
            assertThat(copied).as(dockerfile.name()).contains(".mvn", "pom.xml");
        }
    }

    @Test
    void buildsAndCollectsAModuleOfTheReactor() {
        for (Dockerfile dockerfile : dockerfiles()) {
            String build = dockerfile.runCommands(0);
            String built = single(BUILT_MODULE.matcher(build), dockerfile.name() + " mvn -pl");
            String collected = single(COLLECTED_MODULE.matcher(build), dockerfile.name() + " collect-runtime.sh");
            assertThat(repository.modules()).as(dockerfile.name()).contains(built);
            assertThat(collected).as("%s collects the module it builds", dockerfile.name()).isEqualTo(built);
        }
    }

    @Test
    void entrypointStartsAMainClassOfTheModuleTheImageContains() {
        String entrypoint = repository.read("docker/hpo-entrypoint.sh");
        for (Dockerfile dockerfile : dockerfiles()) {
            String module = single(COLLECTED_MODULE.matcher(dockerfile.runCommands(0)), dockerfile.name());
            String role = single(ENTRYPOINT_ROLE.matcher(String.join(" ", dockerfile.all("ENTRYPOINT").stream()
                    .map(Dockerfile.Instruction::arguments).toList())), dockerfile.name() + " ENTRYPOINT");
            String mainClass = EntrypointScript.mainClass(entrypoint, role);
            assertThat(repository.hasMainClass(module, mainClass))
                    .as("%s runs role %s, main class %s, which %s does not contain",
                            dockerfile.name(), role, mainClass, module)
                    .isTrue();
        }
        assertThat(Files.isExecutable(repository.resolve("docker/hpo-entrypoint.sh"))).isTrue();
    }

    @Test
    void nativesAreRestrictedToLinuxInEveryBuild() {
        assertThat(repository.read(".mvn/maven.config")).contains("-Djavacpp.platform=linux-x86_64");
    }

    @Test
    void cudaImageMatchesTheCudaVersionOfTheGpuBackend() {
        Matcher backend = Pattern.compile("nd4j-cuda-(\\d+\\.\\d+)").matcher(repository.read("trial-runner/pom.xml"));
        assertThat(backend.find()).as("trial-runner/pom.xml names an nd4j-cuda backend").isTrue();
        Dockerfile cuda = dockerfile("worker-cuda.Dockerfile");
        assertThat(cuda.runtimeBase()).startsWith("nvidia/cuda:" + backend.group(1) + ".");
        assertThat(cuda.runCommands(0)).contains("-Dcuda");
        assertThat(repository.read("trial-runner/pom.xml")).containsPattern("<name>cuda</name>");
    }

    @Test
    void workerImagesInstallTheAllocatorTheTrainerEnvironmentPreloads() {
        String jvmEnv = repository.read("trial-runner/jvm-env.sh");
        assertThat(jvmEnv).contains("libtcmalloc_minimal.so.4").contains("LD_PRELOAD").contains("TRIAL_RUNNER_JAVA_OPTS");
        String workerRole = EntrypointScript.role(repository.read("docker/hpo-entrypoint.sh"), "worker");
        assertThat(workerRole)
                .contains("source /opt/hpo/jvm-env.sh")
                .contains("\"${TRIAL_RUNNER_JAVA_OPTS[@]}\"")
                .contains("-Dorg.bytedeco.javacpp.cachedir=/var/cache/hpo/");
        for (String name : List.of("worker.Dockerfile", "worker-cuda.Dockerfile")) {
            Dockerfile worker = dockerfile(name);
            assertThat(worker.runCommands(worker.lastStage())).as(name).contains("libtcmalloc-minimal4");
            assertThat(worker.all("COPY")).as(name).extracting(Dockerfile.Instruction::arguments)
                    .contains("trial-runner/jvm-env.sh /opt/hpo/jvm-env.sh");
            assertThat(worker.all("VOLUME")).as("%s keeps the JavaCPP cache on a volume", name)
                    .extracting(Dockerfile.Instruction::arguments).containsExactly("/var/cache/hpo");
        }
    }

    @Test
    void theApiImageStartsTheServiceWithTheJvmOptionsTheLauncherUses() {
        assertThat(repository.read("hpo")).contains("source \"$ROOT/search-api/jvm-env.sh\"");
        assertThat(dockerfile("api.Dockerfile").all("COPY")).extracting(Dockerfile.Instruction::arguments)
                .contains("search-api/jvm-env.sh /opt/hpo/search-api-jvm-env.sh");
        assertThat(EntrypointScript.role(repository.read("docker/hpo-entrypoint.sh"), "server"))
                .contains("source /opt/hpo/search-api-jvm-env.sh")
                .contains("\"${SEARCH_API_JAVA_OPTS[@]}\"");
    }

    @Test
    void theServiceGetsTheParallelCollectorUnlessItsOptionsChooseAnother() throws Exception {
        assertThat(searchApiJavaOpts("HPO_JAVA_OPTS", "-Xlog:gc")).isEqualTo("-XX:+UseParallelGC");
        // HotSpot refuses to start with two collectors.
        assertThat(searchApiJavaOpts("HPO_JAVA_OPTS", "-Xmx2g -XX:+UseG1GC")).isEmpty();
        assertThat(searchApiJavaOpts("JAVA_OPTS", "-XX:+UseZGC")).isEmpty();
    }

    /** SEARCH_API_JAVA_OPTS as search-api/jvm-env.sh sets it with {@code variable} set to {@code value}. */
    private String searchApiJavaOpts(String variable, String value) throws Exception {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c",
                "set -u; source search-api/jvm-env.sh; echo \"${SEARCH_API_JAVA_OPTS[*]}\"")
                .directory(repository.resolve(".").toFile())
                .redirectErrorStream(true);
        bash.environment().remove("HPO_JAVA_OPTS");
        bash.environment().remove("JAVA_OPTS");
        bash.environment().put(variable, value);
        Process process = bash.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void imagesRunAsANumericNonRootUser() {
        for (Dockerfile dockerfile : dockerfiles()) {
            List<Dockerfile.Instruction> users = dockerfile.all("USER");
            assertThat(users).as(dockerfile.name()).isNotEmpty();
            String user = users.get(users.size() - 1).arguments();
            assertThat(user).as(dockerfile.name()).matches("[1-9]\\d*");
        }
    }

    private List<Dockerfile> dockerfiles() {
        try (Stream<Path> files = Files.list(repository.resolve("docker"))) {
            List<Dockerfile> parsed = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".Dockerfile")).sorted().toList()) {
                parsed.add(Dockerfile.parse(file.getFileName().toString(), Files.readString(file)));
            }
            assertThat(parsed).extracting(Dockerfile::name)
                    .contains("api.Dockerfile", "worker.Dockerfile", "worker-cuda.Dockerfile");
            return parsed;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Dockerfile dockerfile(String name) {
        return dockerfiles().stream().filter(file -> file.name().equals(name)).findFirst().orElseThrow();
    }

    private List<PathMatcher> dockerIgnore() {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String line : repository.read(".dockerignore").split("\n")) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            pattern = stripSlash(pattern.startsWith("/") ? pattern.substring(1) : pattern);
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
            if (pattern.startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
            }
        }
        return matchers;
    }

    /** Whether PATH or any directory above it is excluded from the build context. */
    private static boolean isIgnored(List<PathMatcher> ignored, String source) {
        Path path = Path.of(stripSlash(source));
        for (int depth = 1; depth <= path.getNameCount(); depth++) {
            Path prefix = path.subpath(0, depth);
            if (ignored.stream().anyMatch(matcher -> matcher.matches(prefix))) {
                return true;
            }
        }
        return false;
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String single(Matcher matcher, String what) {
        assertThat(matcher.find()).as("%s not found", what).isTrue();
        String found = matcher.group(1);
        assertThat(matcher.find()).as("%s found more than once", what).isFalse();
        return found;
    }
}
