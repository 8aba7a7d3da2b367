package dev.hpo.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class RunnerCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = RunnerCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "train --family vgg|unknown model family 'vgg'",
        "train --optimizer lion|unknown optimizer 'lion'",
        "train --activation tanh|unknown activation 'tanh'",
        "train --dataset imagenet|unknown dataset 'imagenet'",
        "train --time-cap soon|--time-cap must be a duration such as",
        "train --batch-size 0|batchSize must be at least 1",
        "train --lr -1|learningRate must be positive",
        "train --engine torch|unknown engine 'torch', available: dl4j, pytorch",
        "train --device gpu0|--device must be cpu or cuda:N",
        "train --engine dl4j --device cuda:0|the dl4j engine of this build trains on the CPU only",
        "train --engine pytorch --python /nonexistent/python3|--python /nonexistent/python3 is not an executable",
        "export-trial --plan /nonexistent/plan.json --out /tmp/x|cannot read plan file /nonexistent/plan.json",
        "train --lr fast|Invalid value for option '--lr'",
        "train --plan /nonexistent/plan.json|cannot read plan file /nonexistent/plan.json",
    })
    void rejectsBadArgumentsWithAClearMessage(String args, String message) {
        int exit = run(args.split(" "));

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains(message);
        assertThat(err.toString()).doesNotContain("Exception");
    }
}
