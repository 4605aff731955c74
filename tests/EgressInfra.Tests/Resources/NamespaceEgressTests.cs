using EgressInfra.Resources;

namespace EgressInfra.Tests.Resources;

public class NamespaceEgressTests
{
    public static TheoryData<string> Stacks => ShippedStacks.Names;

    // preview and up show the policy namespace by namespace; an object outside its namespace's
    // component would be listed (and deleted) on its own.
    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task ShippedStack_GroupsEachNamespacesObjectsUnderItsOwnComponent(string stack)
    {
        var run = await ProgramRun.ShippedStackAsync(stack);
        var components = run.Resources.OfType<NamespaceEgress>().ToList();

        Assert.Equal(ShippedStacks.Rendered(stack).Objects.Select(o => o.Metadata.Namespace!).Distinct().Order(StringComparer.Ordinal), components.Select(c => c.Namespace).Order(StringComparer.Ordinal));
        Assert.Equal(components.Count, run.OfType(NamespaceEgress.TypeToken).Count());
        foreach (var component in components)
        {
            var ownObjects = run.Registered
                .Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal) && !r.Type.StartsWith("kubernetes:batch/", StringComparison.Ordinal) && (string?)r.Value("metadata", "namespace") == component.Namespace)
                .Select(r => r.Name)
                .Order(StringComparer.Ordinal);
            var children = component.Children();
            Assert.Equal(ownObjects, children.OfType<KubernetesObjectResource>().Select(c => c.GetResourceName()).Order(StringComparer.Ordinal));
            Assert.All(children, c => Assert.StartsWith(component.Namespace + "-", c.GetResourceName(), StringComparison.Ordinal));
        }
    }
}
