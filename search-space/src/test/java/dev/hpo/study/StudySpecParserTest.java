package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.space.CategoricalParameter;
import dev.hpo.space.FloatParameter;
import dev.hpo.space.IntParameter;
import dev.hpo.space.Scale;
import dev.hpo.trial.Dataset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StudySpecParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid spec; each test breaks one part of it. */
    static final String VALID = """
            {
              "name": "fmnist",
              "objectives": [ {"metric": "macs", "goal": "MINIMIZE"} ],
              "constraints": [ {"metric": "accuracy", "min": 0.85} ],
              "algorithm": { "name": "EVOLUTION", "populationSize": 8 },
              "budget": { "maxTrials": 20, "maxDuration": "2h", "parallelism": 2 },
              "trialSettings": {
                "timeCap": "90s",
                "dataset": { "name": "fashion-mnist", "trainPerClass": 50, "valPerClass": 20 },
                "model": { "family": "resnet9" },
                "training": { "activation": "celu", "flip": true }
              },
              "parameters": [
                {"name": "width", "type": "float", "min": 0.25, "max": 1.0},
                {"name": "learningRate", "type": "float", "min": 0.001, "max": 0.5, "scale": "log"},
                {"name": "batchSize", "type": "int", "min": 32, "max": 256, "scale": "log"},
                {"name": "optimizer", "type": "categorical", "values": ["sgd", "adam"]},
                {"name": "sam", "type": "categorical", "values": ["off", "on"]},
                {"name": "samRho", "type": "float", "min": 0.01, "max": 0.2, "when": {"sam": ["on"]}}
              ],
              "seed": 7
            }
            """;

    @Test
    void readsEveryPartOfAValidSpec() {
        StudySpec spec = StudySpecParser.parse(VALID);

        assertThat(spec.name()).isEqualTo("fmnist");
        assertThat(spec.description()).isEmpty();
        assertThat(spec.objectives()).containsExactly(Objective.minimize("macs"));
        assertThat(spec.constraints()).containsExactly(Constraint.atLeast("accuracy", 0.85));
        assertThat(spec.algorithm().populationSize()).isEqualTo(8);
        assertThat(spec.algorithm().earlyStopping()).isEqualTo(EarlyStopping.none());
        assertThat(spec.budget()).isEqualTo(new Budget(20, Optional.of(Duration.ofHours(2)), 2));
        TrialSettings t = spec.trialSettings();
        assertThat(t.timeCap()).isEqualTo(Duration.ofSeconds(90));
        assertThat(t.repeats()).isEqualTo(1);
        assertThat(t.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(t.maxRetries()).isEqualTo(2);
        assertThat(t.dataset().orElseThrow()).isEqualTo(new DatasetSettings(Dataset.FASHION_MNIST, Optional.empty(),
                50, 20, InputShape.of(1, 28, 28), 10));
        assertThat(t.model()).contains(ModelFamily.RESNET9);
        assertThat(t.training()).containsExactly(Map.entry("activation", "celu"), Map.entry("flip", true));
        assertThat(spec.searchSpace().parameters()).hasSize(6);
        assertThat(spec.searchSpace().parameter("batchSize")).contains(new IntParameter("batchSize", 32, 256,
                Scale.LOG, Optional.empty()));
        assertThat(spec.searchSpace().parameter("samRho").orElseThrow().condition()).isPresent();
        assertThat(spec.seed()).isEqualTo(7);
    }

    @Test
    void fillsDefaultsForOptionalParts() {
        StudySpec spec = parse(s -> {
            s.remove("algorithm");
            s.remove("constraints");
            s.remove("seed");
            ObjectNode t = (ObjectNode) s.get("trialSettings");
            t.remove("timeCap");
            t.remove("training");
            s.set("budget", JSON.createObjectNode().put("maxTrials", 3));
        });

        assertThat(spec.algorithm()).isEqualTo(AlgorithmSettings.defaults());
        assertThat(spec.constraints()).isEmpty();
        assertThat(spec.seed()).isZero();
        assertThat(spec.trialSettings().timeCap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(spec.trialSettings().training()).isEmpty();
        assertThat(spec.budget()).isEqualTo(Budget.of(3));
    }

    @Test
    void aSpecWithoutTrialSettingsHasItsTrialsTrainedElsewhereWithTheDefaults() {
        StudySpec spec = parse(s -> {
            s.remove("trialSettings");
            s.set("objectives", JSON.createArrayNode().add(JSON.createObjectNode()
                    .put("metric", "f1").put("goal", "MAXIMIZE")));
            s.remove("constraints");
        });

        TrialSettings t = spec.trialSettings();
        assertThat(t.builtInTrainer()).isFalse();
        assertThat(t.dataset()).isEmpty();
        assertThat(t.timeCap()).isEqualTo(TrialSettings.DEFAULT_TIME_CAP);
        assertThat(t.repeats()).isEqualTo(1);
        assertThat(t.heartbeatTimeout()).isEqualTo(TrialSettings.DEFAULT_HEARTBEAT_TIMEOUT);
        assertThat(t.maxRetries()).isEqualTo(TrialSettings.DEFAULT_MAX_RETRIES);
        assertThat(t.training()).isEmpty();
        assertThat(t).isEqualTo(parse(s -> {
            s.set("trialSettings", JSON.createObjectNode());
            s.set("objectives", JSON.createArrayNode().add(JSON.createObjectNode()
                    .put("metric", "f1").put("goal", "MAXIMIZE")));
            s.remove("constraints");
        }).trialSettings());
    }

    @Test
    void anAbsentTrialSettingsStillHoldsTheBudgetToTheDefaultTimeCap() {
        assertThat(errors(s -> {
            s.remove("trialSettings");
            ((ObjectNode) s.get("budget")).put("maxDuration", "5m");
        })).contains(new FieldError("budget.maxDuration", "must be at least one trial's time cap (10m), got 5m"));
    }

    @Test
    void writerOutputReadsBackToAnEqualSpec() {
        StudySpec spec = StudySpecParser.parse(VALID);

        assertThat(StudySpecParser.parse(StudySpecWriter.toJson(spec))).isEqualTo(spec);
    }

    @Test
    void aConfirmationIsReadWrittenBackAndCheckedField() {
        StudySpec spec = parse(s -> s.putObject("confirm").put("top", 3).put("repeats", 10));

        assertThat(spec.confirm()).contains(new Confirmation(3, 10));
        assertThat(StudySpecParser.parse(VALID).confirm()).isEmpty();
        assertThat(StudySpecParser.parse(StudySpecWriter.toJson(spec))).isEqualTo(spec);
        assertThat(errors(s -> s.putObject("confirm").put("top", 0).put("repeats", 1)))
                .extracting(FieldError::toString).containsExactly(
                        "confirm.top: must be in [1, 100], got 0",
                        "confirm.repeats: must be in [2, 100], got 1");
        assertThat(errors(s -> s.putObject("confirm").put("top", 1).put("repeats", 5).put("seeds", 2)))
                .extracting(FieldError::path).containsExactly("confirm.seeds");
        assertThat(errors(s -> s.putObject("confirm").put("top", 1)))
                .extracting(FieldError::path).containsExactly("confirm.repeats");
    }

    @Test
    void reportsEveryProblemAtOnceWithItsPath() {
        List<FieldError> errors = errors(s -> {
            s.put("colour", "blue");
            param(s, 1).put("max", 0.0001);
            param(s, 2).put("min", 0);
            ((ObjectNode) s.get("budget")).put("maxTrials", 0);
        });

        assertThat(errors).extracting(FieldError::toString).containsExactly(
                "colour: unknown field; expected one of name, description, objectives, constraints, algorithm, "
                        + "budget, trialSettings, fidelity, parameters, seed, confirm, artifacts",
                "budget.maxTrials: must be in [1, 1000000], got 0",
                "parameters[1].max: must be greater than min (0.001)",
                "parameters[2].min: must be positive on a log scale, got 0");
    }

    @Test
    void rejectsMalformedJsonWithLineAndColumn() {
        assertThat(errors("{\n  \"name\": \"x\",\n  oops\n}")).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("$");
            assertThat(e.message()).startsWith("malformed JSON at line 3, column 3");
        });
    }

    @Test
    void rejectsABodyThatIsNotAnObject() {
        assertThat(errors("[1, 2]")).containsExactly(new FieldError("$", "must be an object, got an array"));
        assertThat(errors("")).containsExactly(new FieldError("$", "is empty; expected a JSON object"));
    }

    @Test
    void rejectsDuplicateKeysAndTrailingContent() {
        assertThat(errors("{\"name\": \"a\", \"name\": \"b\"}")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("Duplicate field 'name'"));
        assertThat(errors("{} {}")).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("malformed JSON"));
    }

    @Test
    void rejectsNonNumericNumberLiterals() {
        assertThat(errors(VALID.replace("\"max\": 1.0", "\"max\": NaN"))).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("malformed JSON"));
    }

    @Test
    void reportsMissingRequiredFields() {
        assertThat(errors(s -> {
            s.remove("name");
            s.remove("objectives");
            s.remove("budget");
            s.remove("parameters");
        })).extracting(FieldError::toString).containsExactly(
                "name: is required", "objectives: is required", "budget: is required", "parameters: is required");
    }

    @Test
    void reportsWrongTypes() {
        assertThat(errors(s -> {
            s.put("name", 5);
            s.put("seed", "seven");
            s.put("parameters", "width");
            ((ObjectNode) s.get("budget")).put("maxTrials", 2.5);
        })).extracting(FieldError::toString).containsExactly(
                "name: must be a string, got the number 5",
                "budget.maxTrials: must be an integer, got 2.5",
                "parameters: must be an array, got an object".replace("an object", "the string \"width\""),
                "seed: must be an integer, got the string \"seven\"");
    }

    @Test
    void reportsUnknownFieldsAtEveryLevel() {
        assertThat(paths(s -> {
            ((ObjectNode) s.withArray("objectives").get(0)).put("weight", 1);
            ((ObjectNode) s.withArray("constraints").get(0)).put("strict", true);
            ((ObjectNode) s.get("algorithm")).put("mutation", 0.1);
            ((ObjectNode) s.get("budget")).put("maxCost", 3);
            ((ObjectNode) s.get("trialSettings")).put("gpu", true);
            ((ObjectNode) s.get("trialSettings").get("dataset")).put("augment", true);
            ((ObjectNode) s.get("trialSettings").get("model")).put("pretrained", true);
            param(s, 0).put("step", 0.05);
            param(s, 3).put("min", 1);
        })).containsExactly("objectives[0].weight", "constraints[0].strict", "algorithm.mutation",
                "trialSettings.gpu", "trialSettings.dataset.augment", "trialSettings.model.pretrained",
                "budget.maxCost", "parameters[0].step", "parameters[3].min");
    }

    @Test
    void rejectsAnEmptyParameterListAndDuplicateNames() {
        assertThat(errors(s -> s.putArray("parameters")))
                .containsExactly(new FieldError("parameters", "must hold at least one parameter"));
        assertThat(errors(s -> param(s, 1).put("name", "width")))
                .containsExactly(new FieldError("parameters[1].name", "\"width\" is already the name of parameters[0]"));
    }

    @Test
    void rejectsNonFiniteBoundsWhetherHugeOrWrittenAsStrings() {
        assertThat(errors(VALID.replace("\"max\": 1.0", "\"max\": 1e400")))
                .containsExactly(new FieldError("parameters[0].max", "must be a finite number, got Infinity"));
        assertThat(errors(s -> param(s, 0).put("min", "NaN")))
                .containsExactly(new FieldError("parameters[0].min", "must be a number, got the string \"NaN\""));
    }

    @Test
    void rejectsMinAtOrAboveMax() {
        assertThat(errors(s -> param(s, 0).put("max", 0.25)))
                .containsExactly(new FieldError("parameters[0].max", "must be greater than min (0.25)"));
        assertThat(errors(s -> param(s, 2).put("max", 16)))
                .containsExactly(new FieldError("parameters[2].max", "must be greater than min (32)"));
    }

    @Test
    void rejectsAnUnknownTypeOrScale() {
        assertThat(errors(s -> {
            param(s, 0).put("type", "double");
            param(s, 1).put("scale", "exp");
        })).extracting(FieldError::toString).containsExactly(
                "parameters[0].type: must be one of float, int, categorical, fixed, got \"double\"",
                "parameters[1].scale: must be \"linear\" or \"log\", got \"exp\"");
    }

    @Test
    void rejectsEmptyAndRepeatedCategoricalValues() {
        assertThat(errors(s -> param(s, 3).putArray("values")))
                .containsExactly(new FieldError("parameters[3].values", "must hold at least one value"));
        assertThat(errors(s -> param(s, 3).putArray("values").add("sgd").add("adam").add("sgd")))
                .containsExactly(new FieldError("parameters[3].values[2]", "\"sgd\" repeats parameters[3].values[0]"));
        assertThat(errors(s -> {
            ObjectNode width = param(s, 0).put("type", "categorical");
            width.remove(List.of("min", "max"));
            width.putArray("values").add(1).add(1.0);
        }))
                .containsExactly(new FieldError("parameters[0].values[1]", "1.0 repeats parameters[0].values[0]"));
    }

    @Test
    void rejectsConditionsOnUnknownLaterOrNonCategoricalParentsOrMissingValues() {
        assertThat(errors(s -> param(s, 5).putObject("when").putArray("sharpness").add("on")))
                .containsExactly(new FieldError("parameters[5].when.sharpness",
                        "names no parameter declared before this one; a condition's parent must come first"));
        assertThat(errors(s -> param(s, 0).putObject("when").putArray("sam").add("on"))).extracting(FieldError::path)
                .containsExactly("parameters[0].when.sam");
        assertThat(errors(s -> param(s, 5).putObject("when").putArray("width").add(0.5)))
                .containsExactly(new FieldError("parameters[5].when.width",
                        "parent \"width\" must be a categorical parameter"));
        assertThat(errors(s -> param(s, 5).putObject("when").putArray("sam").add("on").add("maybe")))
                .containsExactly(new FieldError("parameters[5].when.sam[1]",
                        "\"maybe\" is not a value of \"sam\" (\"off\", \"on\")"));
        assertThat(errors(s -> param(s, 5).putObject("when").put("sam", "on"))).extracting(FieldError::path)
                .containsExactly("parameters[5].when.sam");
    }

    @Test
    void rejectsBadObjectives() {
        assertThat(errors(s -> ((ObjectNode) s.withArray("objectives").get(0)).put("goal", "LOWER")))
                .containsExactly(new FieldError("objectives[0].goal", "must be MAXIMIZE or MINIMIZE, got \"LOWER\""));
        assertThat(errors(s -> s.putArray("objectives")))
                .containsExactly(new FieldError("objectives", "must hold one or two objectives, got 0"));
        assertThat(errors(s -> s.withArray("objectives").addObject().put("metric", "accuracy").put("goal", "MAXIMIZE")
                .put("x", 1))).extracting(FieldError::path).containsExactly("objectives[1].x", "objectives");
        assertThat(errors(s -> {
            ArrayNode o = s.withArray("objectives");
            o.addObject().put("metric", "accuracy").put("goal", "MAXIMIZE");
            o.addObject().put("metric", "params").put("goal", "MINIMIZE");
        })).containsExactly(new FieldError("objectives", "must hold one or two objectives, got 3"));
        assertThat(errors(s -> s.withArray("objectives").addObject().put("metric", "macs").put("goal", "MAXIMIZE")))
                .containsExactly(new FieldError("objectives[1].metric", "\"macs\" already appears in objectives"));
    }

    @Test
    void matchesTheAlgorithmToTheNumberOfObjectives() {
        assertThat(errors(s -> ((ObjectNode) s.get("algorithm")).put("name", "NSGA2")))
                .containsExactly(new FieldError("algorithm.name", "NSGA2 trades off two objectives, but objectives "
                        + "holds one; add a second or use EVOLUTION"));
        assertThat(errors(s -> s.withArray("objectives").addObject().put("metric", "accuracy").put("goal", "MAXIMIZE")))
                .extracting(FieldError::path).containsExactly("objectives");
        assertThat(parse(s -> {
            ((ObjectNode) s.get("algorithm")).put("name", "nsga2");
            s.withArray("objectives").addObject().put("metric", "accuracy").put("goal", "maximize");
        }).multiObjective()).isTrue();
        assertThat(errors(s -> ((ObjectNode) s.get("algorithm")).put("name", "BAYES")))
                .containsExactly(new FieldError("algorithm.name",
                        "must be one of EVOLUTION, NSGA2, RANDOM, GRID, got \"BAYES\""));
    }

    @Test
    void rejectsConstraintsWithoutBoundsOrWithMinAboveMax() {
        assertThat(errors(s -> s.withArray("constraints").addObject().put("metric", "macs")))
                .containsExactly(new FieldError("constraints[1]", "needs min, max or both"));
        assertThat(errors(s -> ((ObjectNode) s.withArray("constraints").get(0)).put("max", 0.5)))
                .containsExactly(new FieldError("constraints[0].max", "must be at least min (0.85)"));
        assertThat(errors(s -> s.withArray("constraints").addObject().put("metric", "accuracy").put("max", 1)))
                .containsExactly(new FieldError("constraints[1].metric", "\"accuracy\" already appears in constraints;"
                        + " give min and max in one constraint"));
    }

    @Test
    void rejectsImpossibleBudgets() {
        assertThat(errors(s -> ((ObjectNode) s.get("budget")).put("parallelism", 0)))
                .containsExactly(new FieldError("budget.parallelism", "must be in [1, 10000], got 0"));
        assertThat(errors(s -> ((ObjectNode) s.get("budget")).put("maxDuration", "60s")))
                .containsExactly(new FieldError("budget.maxDuration",
                        "must be at least one trial's time cap (90s), got 60s"));
        assertThat(errors(s -> ((ObjectNode) s.get("budget")).put("maxDuration", "soon")))
                .extracting(FieldError::path).containsExactly("budget.maxDuration");
    }

    @Test
    void reportsHugeIntegersAsOutOfRange() {
        assertThat(errors(VALID.replace("\"maxTrials\": 20", "\"maxTrials\": 99999999999999999999")))
                .containsExactly(new FieldError("budget.maxTrials", "must be in [1, 1000000], got 99999999999999999999"));
        assertThat(errors(VALID.replace("\"maxTrials\": 20", "\"maxTrials\": 1e300")))
                .containsExactly(new FieldError("budget.maxTrials", "must be in [1, 1000000], got 1.0E300"));
        assertThat(parse(s -> s.put("seed", 1e18)).seed()).isEqualTo(1_000_000_000_000_000_000L);
    }

    @Test
    void acceptsMoreParallelismThanTrials() {
        assertThat(parse(s -> ((ObjectNode) s.get("budget")).put("parallelism", 64)).budget().parallelism())
                .isEqualTo(64);
    }

    @Test
    void rejectsBadTrialSettings() {
        assertThat(errors(s -> {
            ObjectNode t = (ObjectNode) s.get("trialSettings");
            t.put("timeCap", "0s");
            t.put("repeats", 0);
            t.put("maxRetries", -1);
            t.put("heartbeatTimeout", "PT-5S");
        })).extracting(FieldError::toString).containsExactly(
                "trialSettings.timeCap: must be positive, got 0s",
                "trialSettings.repeats: must be in [1, 100], got 0",
                "trialSettings.heartbeatTimeout: must be positive, got PT-5S",
                "trialSettings.maxRetries: must be in [0, 100], got -1");
        assertThat(errors(s -> ((ObjectNode) s.get("trialSettings")).put("timeCap", "25h")))
                .containsExactly(new FieldError("trialSettings.timeCap", "must be at most 24h, got 25h"));
    }

    @Test
    void rejectsUnknownDatasetsAndModelsAndTinySubsets() {
        assertThat(errors(s -> {
            ObjectNode t = (ObjectNode) s.get("trialSettings");
            ((ObjectNode) t.get("dataset")).put("name", "mnist").put("trainPerClass", 0);
            ((ObjectNode) t.get("model")).put("family", "vgg16");
        })).extracting(FieldError::toString).containsExactly(
                "trialSettings.dataset.name: unknown dataset \"mnist\", expected one of fashion-mnist, cifar10, folder",
                "trialSettings.dataset.trainPerClass: must be in [1, 1000000], got 0",
                "trialSettings.model.family: unknown model family \"vgg16\", expected one of resnet9, resnet18");
    }

    @Test
    void aFolderDatasetNeedsItsShapeClassesAndDirectory() {
        assertThat(errors(s -> ((ObjectNode) s.get("trialSettings").get("dataset")).put("name", "folder")))
                .extracting(FieldError::path).containsExactly("trialSettings.dataset.input",
                        "trialSettings.dataset.classes", "trialSettings.dataset.directory");
        StudySpec spec = parse(s -> ((ObjectNode) s.get("trialSettings").get("dataset")).put("name", "folder")
                .put("input", "3x84x84").put("classes", 100).put("directory", "/data/mini-imagenet"));
        assertThat(spec.trialSettings().dataset().orElseThrow().input()).isEqualTo(InputShape.of(3, 84, 84));
        assertThat(errors(s -> ((ObjectNode) s.get("trialSettings").get("dataset")).put("input", "3x28x28")))
                .containsExactly(new FieldError("trialSettings.dataset.input",
                        "is fixed by fashion-mnist (1x28x28, 10 classes); only a folder dataset takes it"));
    }

    @Test
    void aDatasetFolderThatClimbsOutOfTheDataRootsIsRefusedWithItsPath() {
        for (String escape : List.of("../../../../etc", "fashion-mnist/../../etc", "/data/..", "..",
                "data\\..\\..\\etc")) {
            assertThat(errors(s -> ((ObjectNode) s.get("trialSettings").get("dataset")).put("directory", escape)))
                    .as(escape).singleElement().satisfies(e -> {
                        assertThat(e.path()).isEqualTo("trialSettings.dataset.directory");
                        assertThat(e.message()).startsWith("must not contain '..' segments");
                    });
        }
    }

    @Test
    void aDatasetFolderWithControlCharactersOrBlankIsRefused() {
        assertThat(errors(s -> ((ObjectNode) s.get("trialSettings").get("dataset"))
                .put("directory", "fashion-mnist\u0000/../../etc")))
                .containsExactly(new FieldError("trialSettings.dataset.directory",
                        "must not contain control characters, got NUL at position 13"));
        assertThat(errors(s -> ((ObjectNode) s.get("trialSettings").get("dataset")).put("directory", "a\nb")))
                .containsExactly(new FieldError("trialSettings.dataset.directory",
                        "must not contain control characters, got U+000A at position 1"));
        assertThat(errors(s -> ((ObjectNode) s.get("trialSettings").get("dataset")).put("directory", " ")))
                .containsExactly(new FieldError("trialSettings.dataset.directory", "must not be blank"));
        assertThat(errors(s -> ((ObjectNode) s.get("trialSettings").get("dataset"))
                .put("directory", "d".repeat(4097))))
                .containsExactly(new FieldError("trialSettings.dataset.directory",
                        "must be at most 4096 characters, got 4097"));
    }

    @Test
    void aDatasetFolderMayBeAbsoluteOrRelativeToTheDataRoots() {
        for (String folder : List.of("/usr/share/datasets/fashion-mnist", "fashion-mnist", "./fmnist/v2",
                "sets/..hidden", "a..b")) {
            StudySpec spec = parse(s -> ((ObjectNode) s.get("trialSettings").get("dataset")).put("directory", folder));
            assertThat(spec.trialSettings().dataset().orElseThrow().directory()).as(folder).contains(folder);
        }
    }

    @Test
    void aModelNeedsADataset() {
        assertThat(errors(s -> ((ObjectNode) s.get("trialSettings")).remove("dataset")))
                .containsExactly(new FieldError("trialSettings.dataset", "is required when a model is set"));
    }

    @Test
    void rejectsUnknownTrainingOptionsAndBadValues() {
        assertThat(errors(s -> ((ObjectNode) s.get("trialSettings").get("training"))
                .put("optimizer", "lion").put("batchSize", 0).put("dropout", 0.1).put("flip", "yes")))
                .extracting(FieldError::toString).containsExactly(
                        "trialSettings.training.dropout: unknown field; expected one of optimizer, learningRate, "
                                + "momentum, weightDecay, batchSize, labelSmoothing, samRho, gradientCentralization, "
                                + "activation, activationAlpha, warmupFraction, whitening, cropPadding, flip, cutout, "
                                + "flipTestTimeAugmentation, seed",
                        "trialSettings.training.flip: must be true or false, got \"yes\"",
                        "trialSettings.training.optimizer: unknown optimizer 'lion', expected one of sgd, adam, adamw, "
                                + "adamax, adagrad, rmsprop",
                        "trialSettings.training.batchSize: must be at least 1, got 0");
    }

    @Test
    void withAModelParametersMustBeTheTrainersAndWithinItsRanges() {
        assertThat(errors(s -> {
            param(s, 0).put("name", "dropout");
            param(s, 1).put("min", 1e-9).put("max", 2);
            s.withArray("parameters").addObject().put("name", "momentum").put("type", "float")
                    .put("min", 0.5).put("max", 1.5);
            s.withArray("parameters").addObject().put("name", "flip").put("type", "int").put("min", 0).put("max", 1);
            s.withArray("parameters").addObject().put("name", "cutout").put("type", "float").put("min", 0).put("max", 8);
            s.withArray("parameters").addObject().put("name", "resolution").put("type", "categorical")
                    .putArray("values").add(0.2).add(1);
            param(s, 3).withArray("values").add("lion");
        })).extracting(FieldError::toString).containsExactly(
                "parameters[0].name: \"dropout\" is not a parameter the built-in trainer understands; expected one of "
                        + "depth, width, resolution, sam, optimizer, learningRate, momentum, weightDecay, batchSize, "
                        + "labelSmoothing, samRho, gradientCentralization, activation, activationAlpha, warmupFraction, "
                        + "whitening, cropPadding, flip, cutout, flipTestTimeAugmentation, seed (a study without "
                        + "trialSettings.model passes any name to its own trial script)",
                "parameters[3].values[2]: unknown optimizer 'lion', expected one of sgd, adam, adamw, adamax, adagrad, "
                        + "rmsprop",
                "parameters[6].max: must be in [0, 1), got 1.5",
                "parameters[7].type: flip takes true or false; use a categorical or fixed parameter",
                "parameters[8].type: cutout takes integers; use an int, categorical or fixed parameter",
                "parameters[9].values[0]: resolution 0.2 scales input 1x28x28 to 6x6, below the minimum side 8");
    }

    @Test
    void withoutAModelAnyParameterAndMetricNameIsAccepted() {
        StudySpec spec = parse(s -> {
            ((ObjectNode) s.get("trialSettings")).remove(List.of("model", "dataset", "training"));
            param(s, 0).put("name", "dropout");
            ((ObjectNode) s.withArray("objectives").get(0)).put("metric", "f1");
        });

        assertThat(spec.trialSettings().builtInTrainer()).isFalse();
        assertThat(spec.searchSpace().parameter("dropout")).contains(FloatParameter.linear("dropout", 0.25, 1.0));
    }

    @Test
    void withAModelMetricsMustBeOnesTheTrainerReports() {
        assertThat(errors(s -> ((ObjectNode) s.withArray("objectives").get(0)).put("metric", "f1")))
                .containsExactly(new FieldError("objectives[0].metric",
                        "the built-in trainer reports only accuracy, macs, params, loss, wallSeconds, not \"f1\""));
    }

    @Test
    void readsEarlyStoppingRulesWithTheirOwnOptions() {
        EarlyStopping asha = parse(s -> ((ObjectNode) s.get("algorithm")).putObject("earlyStopping")
                .put("rule", "ASHA").put("reductionFactor", 4)).algorithm().earlyStopping();
        assertThat(asha).isEqualTo(new EarlyStopping(StoppingRule.ASHA, "accuracy", Goal.MAXIMIZE, 1.0 / 16, 4,
                EarlyStopping.DEFAULT_MIN_TRIALS));

        EarlyStopping median = parse(s -> {
            s.withArray("constraints").addObject().put("metric", "loss").put("max", 2.0);
            ((ObjectNode) s.get("algorithm")).putObject("earlyStopping")
                    .put("rule", "median").put("metric", "loss").put("minTrials", 3);
        }).algorithm().earlyStopping();
        assertThat(median).isEqualTo(new EarlyStopping(StoppingRule.MEDIAN, "loss", Goal.MINIMIZE, 0.25,
                EarlyStopping.DEFAULT_REDUCTION_FACTOR, 3));

        assertThat(errors(s -> ((ObjectNode) s.get("algorithm")).putObject("earlyStopping")
                .put("rule", "MEDIAN").put("reductionFactor", 3).put("minFraction", 1.5)))
                .extracting(FieldError::toString).containsExactly(
                        "algorithm.earlyStopping.reductionFactor: unknown field; expected one of rule, metric, goal, "
                                + "minFraction, minTrials",
                        "algorithm.earlyStopping.minFraction: must be a share of the fidelity budget in (0, 1), got "
                                + "1.5");
        assertThat(errors(s -> ((ObjectNode) s.get("algorithm")).putObject("earlyStopping").put("rule", "HYPERBAND")))
                .containsExactly(new FieldError("algorithm.earlyStopping.rule",
                        "must be one of NONE, MEDIAN, ASHA, got \"HYPERBAND\""));
        assertThat(errors(s -> ((ObjectNode) s.get("algorithm")).putObject("earlyStopping").put("rule", "ASHA")
                .put("metric", "macs"))).containsExactly(new FieldError("algorithm.earlyStopping.metric",
                "the built-in trainer reports only accuracy, loss while a trial runs, not \"macs\""));
    }

    @Test
    void readsFixedAndConditionalParametersAndNumericCategoricals() {
        StudySpec spec = parse(s -> {
            s.withArray("parameters").addObject().put("name", "activation").put("type", "fixed").put("value", "relu");
            s.withArray("parameters").addObject().put("name", "depth").put("type", "categorical")
                    .putArray("values").add(1).add(0.5);
        });

        assertThat(spec.searchSpace().parameter("depth")).contains(CategoricalParameter.of("depth", 1L, 0.5));
        assertThat(spec.searchSpace().dimensions()).isEqualTo(7);
    }

    @Test
    void theExceptionMessageListsEveryError() {
        assertThatThrownBy(() -> StudySpecParser.parse("{\"name\": \"\"}"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("name: must start with a letter or digit")
                .hasMessageContaining("; objectives: is required");
    }

    // --- helpers

    static ObjectNode valid() {
        try {
            return (ObjectNode) JSON.readTree(VALID);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode param(ObjectNode spec, int index) {
        return (ObjectNode) spec.withArray("parameters").get(index);
    }

    static StudySpec parse(Consumer<ObjectNode> change) {
        ObjectNode spec = valid();
        change.accept(spec);
        try {
            return StudySpecParser.parse(spec.toString());
        } catch (InvalidSpecException e) {
            throw new AssertionError("expected a valid spec, got " + e.errors(), e);
        }
    }

    static List<FieldError> errors(Consumer<ObjectNode> change) {
        ObjectNode spec = valid();
        change.accept(spec);
        return errors(spec.toString());
    }

    static List<String> paths(Consumer<ObjectNode> change) {
        return errors(change).stream().map(FieldError::path).toList();
    }

    static List<FieldError> errors(String json) {
        try {
            StudySpecParser.parse(json);
        } catch (InvalidSpecException e) {
            return e.errors();
        }
        throw new AssertionError("expected the spec to be rejected: " + json);
    }
}
