using EgressInfra.Core.Sources;

namespace EgressInfra.Tests;

/// <summary>A second <c>pulumi up</c> with an equivalent config must find nothing to change.</summary>
public class StabilityTests
{
    public static TheoryData<string> Stacks => ShippedStacks.Names;

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task SameConfigTwice_RegistersIdenticalNamesAndInputs(string stack)
    {
        var first = await ProgramRun.ShippedStackAsync(stack);
        var second = await ProgramRun.ShippedStackAsync(stack);

        Assert.Equal(first.Everything(), second.Everything());
    }

    // Services, hosts, ports, addresses and namespaces are sets to Istio: listing them in another order
    // must not rename, re-create or update anything.
    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task EveryListReversed_RegistersIdenticalNamesAndInputs(string stack)
    {
        var keys = PulumiConfig.Keys(PulumiConfig.ShippedStackText(stack));
        var reversed = new MappingNode([.. keys.Entries.Select(e => new KeyValuePair<ScalarNode, ConfigNode>(e.Key, Reverse(e.Value)))]);
        Assert.NotEqual(PulumiConfig.FromKeys(keys), PulumiConfig.FromKeys(reversed));

        var original = await ProgramRun.RunAsync(PulumiConfig.FromKeys(keys));
        var reordered = await ProgramRun.RunAsync(PulumiConfig.FromKeys(reversed));

        Assert.Equal(original.Everything(), reordered.Everything());
    }

    private static ConfigNode Reverse(ConfigNode node) => node switch
    {
        SequenceNode seq => new SequenceNode([.. seq.Items.Reverse().Select(Reverse)]),
        MappingNode map => new MappingNode([.. map.Entries.Reverse().Select(e => new KeyValuePair<ScalarNode, ConfigNode>(e.Key, Reverse(e.Value)))]),
        _ => node,
    };
}
