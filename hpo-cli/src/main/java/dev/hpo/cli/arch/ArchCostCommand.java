package dev.hpo.cli.arch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.arch.ArchitectureCost;
import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.CostModel;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints the MACs and trainable parameters of a scaled network as JSON. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Print forward MACs and trainable parameters of a scaled network as JSON.")
public final class ArchCostCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--family", required = true, description = "resnet9 or resnet18")
    String family;

    @Option(names = "--input", required = true, description = "input shape CxHxW, e.g. 3x32x32")
    String input;

    @Option(names = "--classes", defaultValue = "10", description = "output classes (default ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--depth", defaultValue = "1", description = "depth multiplier (default ${DEFAULT-VALUE})")
    double depth;

    @Option(names = "--width", defaultValue = "1", description = "width multiplier (default ${DEFAULT-VALUE})")
    double width;

    @Option(names = "--resolution", defaultValue = "1",
            description = "input resolution multiplier (default ${DEFAULT-VALUE})")
    double resolution;

    @Override
    public Integer call() throws Exception {
        ArchitectureSpec arch;
        try {
            arch = new ArchitectureSpec(ModelFamily.fromId(family), InputShape.parse(input), classes,
                    depth, width, resolution);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ArchitectureCost cost = CostModel.of(arch);
        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        out.put("family", arch.family().id());
        out.put("input", arch.input().toString());
        out.put("scaledInput", arch.scaledInput().toString());
        out.put("classes", arch.classes());
        out.put("depth", arch.depth());
        out.put("width", arch.width());
        out.put("resolution", arch.resolution());
        out.put("macs", cost.macs());
        out.put("params", cost.params());
        out.putPOJO("layout", arch.layout());
        spec.commandLine().getOut().println(json.writeValueAsString(out));
        return 0;
    }
}
