package dev.hpo.arch;

/**
 * Counts forward MACs and trainable parameters of a scaled network from its {@link NetworkLayout}.
 *
 * <p>Only convolutions and linear layers count towards MACs, as in the HAET challenge's scoring; batch norm,
 * activations, pooling and additions are cheap next to them and left out.
 */
public final class CostModel {

    private CostModel() {
    }

    public static ArchitectureCost of(ArchitectureSpec spec) {
        return of(spec.layout());
    }

    public static ArchitectureCost of(NetworkLayout layout) {
        Tally tally = new Tally();
        if (layout instanceof NetworkLayout.ResNet9 net) {
            resnet9(net, tally);
        } else if (layout instanceof NetworkLayout.ResNet18 net) {
            resnet18(net, tally);
        } else {
            throw new IllegalArgumentException("no cost rule for " + layout);
        }
        return new ArchitectureCost(tally.macs, tally.params);
    }

    private static void resnet9(NetworkLayout.ResNet9 net, Tally t) {
        int h = net.input().height();
        int w = net.input().width();
        t.convBn(net.input().channels(), net.prep(), 3, h, w);
        t.convBn(net.prep(), net.layer1(), 3, h, w);
        h /= 2;
        w /= 2;
        for (int i = 0; i < net.residual1(); i++) {
            t.convBn(net.layer1(), net.layer1(), 3, h, w);
            t.convBn(net.layer1(), net.layer1(), 3, h, w);
        }
        t.convBn(net.layer1(), net.layer2(), 3, h, w);
        h /= 2;
        w /= 2;
        t.convBn(net.layer2(), net.layer3(), 3, h, w);
        h /= 2;
        w /= 2;
        for (int i = 0; i < net.residual3(); i++) {
            t.convBn(net.layer3(), net.layer3(), 3, h, w);
            t.convBn(net.layer3(), net.layer3(), 3, h, w);
        }
        t.linear(net.layer3(), net.classes(), false);
    }

    private static void resnet18(NetworkLayout.ResNet18 net, Tally t) {
        int h = net.input().height();
        int w = net.input().width();
        t.convBn(net.input().channels(), net.stem(), 3, h, w);
        int in = net.stem();
        int[] channels = net.stageChannels();
        int[] blocks = net.stageBlocks();
        for (int stage = 0; stage < channels.length; stage++) {
            int out = channels[stage];
            for (int block = 0; block < blocks[stage]; block++) {
                int stride = block == 0 ? NetworkLayout.ResNet18.stageStride(stage) : 1;
                int oh = stridedSide(h, stride);
                int ow = stridedSide(w, stride);
                t.convBn(in, out, 3, oh, ow);
                t.convBn(out, out, 3, oh, ow);
                if (stride != 1 || in != out) {
                    t.convBn(in, out, 1, oh, ow);
                }
                in = out;
                h = oh;
                w = ow;
            }
        }
        t.linear(in, net.classes(), true);
    }

    /** Output side of a stride-s conv with "same" padding: ceil(side / s). */
    static int stridedSide(int side, int stride) {
        return (side - 1) / stride + 1;
    }

    private static final class Tally {
        long macs;
        long params;

        /** A bias-free k x k conv producing an outH x outW map, followed by batch norm. */
        void convBn(int in, int out, int k, int outH, int outW) {
            long weights = (long) in * out * k * k;
            macs += weights * outH * outW;
            params += weights + 2L * out;
        }

        void linear(int in, int out, boolean bias) {
            macs += (long) in * out;
            params += (long) in * out + (bias ? out : 0);
        }
    }
}
