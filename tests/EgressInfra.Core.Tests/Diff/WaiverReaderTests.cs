using EgressInfra.Core.Diff;
using EgressInfra.Core.Sources;
using EgressInfra.TestSupport;

namespace EgressInfra.Core.Tests.Diff;

/// <summary>Waivers are read from the tree as written, whatever their shape, so the diff shows them before and after the policy model exists.</summary>
public class WaiverReaderTests
{
    private static MappingNode Tree(string yaml) => (MappingNode)YamlTreeReader.ReadSingle(yaml, "t.yaml").Root!;

    [Fact]
    public void Read_RendersEachWaiverAsOneSortedLine()
    {
        var tree = Tree("""
            policy:
              waivers:
                - { rule: EGR301, service: legacy-ftp, expires: 2030-01-31, reason: "vendor: no TLS" }
                - code: EGR205
                  path: egress.services[1]
            """);

        Assert.Equal(
            ["{code: EGR205, path: \"egress.services[1]\"}", "{expires: 2030-01-31, reason: \"vendor: no TLS\", rule: EGR301, service: legacy-ftp}"],
            WaiverReader.Read(tree));
    }

    [Fact]
    public void Read_NoPolicy_IsEmpty()
    {
        Assert.Empty(WaiverReader.Read(Tree("egress: {}")));
    }

    [Fact]
    public void Compare_AddedAndRemovedWaivers_AreListed()
    {
        var plan = EgressInfra.Core.Pipeline.EgressPipeline.Evaluate(StackFile.Parse(RepoPaths.ReadText("Pulumi.prod.yaml"), "p.yaml"));
        var before = EgressSnapshot.From(plan.Config!) with { Waivers = ["{rule: A}"] };
        var after = before with { Waivers = ["{rule: B}"] };

        var diff = EgressDiffer.Compare(before, after, "old", "new");

        Assert.Equal(["{rule: B}"], diff.WaiversAdded);
        Assert.Equal(["{rule: A}"], diff.WaiversRemoved);
        Assert.Contains("- added `{rule: B}`", DiffMarkdown.Write(diff), StringComparison.Ordinal);
    }
}
