using System.Collections.Immutable;
using System.Reflection;
using EgressInfra.Core.Delivery;
using EgressInfra.Core.Manifests;
using EgressInfra.Resources;
using Pulumi;

namespace EgressInfra.Tests.Delivery;

public class FailClosedTests
{
    private static async Task<IReadOnlyList<NamespaceEgress>> ComponentsAsync(string stack) =>
        (await ProgramRun.ShippedStackAsync(stack)).Resources.OfType<NamespaceEgress>().ToList();

    // The SDK keeps protect on the resource itself; reading it proves the option reached Pulumi.
    private static bool? SdkProtect(Resource resource) =>
        (bool?)typeof(Resource).GetField("_protect", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(resource);

    // A prod Sidecar removed from config, destroyed or replaced would return its namespace to the
    // mesh default (often ALLOW_ANY): protect makes Pulumi refuse, retain keeps it in the cluster
    // even once unprotected, until someone deletes it on purpose.
    [Fact]
    public async Task Prod_PolicyObjectsAreProtectedAndRetained()
    {
        var components = await ComponentsAsync("prod");

        var sidecars = components.SelectMany(c => c.Objects).Where(o => o.Object.Kind == Sidecar.KindName).ToList();
        Assert.Equal(2, sidecars.Count);
        Assert.All(components.SelectMany(c => c.Objects).Where(o => o.Lifecycle.HoldsPolicy), o =>
        {
            Assert.True(o.Options.Protect);
            Assert.True(o.Options.RetainOnDelete);
            Assert.False(o.Options.DeleteBeforeReplace);
            Assert.True(SdkProtect(o.Resource));
        });
    }

    // Entries only open paths: dropping one closes a path (fails closed) and must stay a plain edit.
    [Fact]
    public async Task Prod_EntriesAreNotProtected()
    {
        var components = await ComponentsAsync("prod");

        var entries = components.SelectMany(c => c.Objects).Where(o => o.Object.Kind == ServiceEntry.KindName).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, o => Assert.NotEqual(true, o.Options.Protect));
    }

    [Fact]
    public async Task Dev_NothingIsProtected()
    {
        var components = await ComponentsAsync("dev");

        Assert.All(components.SelectMany(c => c.Objects), o =>
        {
            Assert.NotEqual(true, o.Options.Protect);
            Assert.NotEqual(true, o.Options.RetainOnDelete);
        });
    }

    // First deploy: the Sidecar turns REGISTRY_ONLY on only after every entry of its namespace exists.
    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task EnforcingObjects_DependOnEveryPathObjectOfTheirNamespace(string stack)
    {
        var components = await ComponentsAsync(stack);

        foreach (var component in components)
        {
            var paths = component.Objects.Where(o => o.Lifecycle.Phase == DeliveryPhase.Path).Select(o => o.Resource).ToHashSet();
            var enforcing = component.Objects.Where(o => o.Lifecycle.Phase == DeliveryPhase.Enforcement).ToList();
            if (component.Namespace == "istio-egress")
            {
                // The egress gateway's namespace holds only the path (entries, routes, its policy).
                Assert.Empty(enforcing);
                continue;
            }

            Assert.NotEmpty(enforcing);
            foreach (var obj in enforcing)
            {
                var dependsOn = await ((Input<ImmutableArray<Resource>>)obj.Options.DependsOn).ToOutput().ValueAsync();
                Assert.Equal(paths.Count, dependsOn.Length);
                Assert.All(dependsOn, d => Assert.Contains(d, paths));
            }

            Assert.All(component.Objects.Where(o => o.Lifecycle.Phase == DeliveryPhase.Path), o => Assert.Empty(o.Options.DependsOn.ToOutput().ValueAsync().Result));
        }
    }

    public static TheoryData<string> Stacks => ShippedStacks.Names;
}
