using System.Collections.Immutable;
using Moq;
using Pulumi;
using Pulumi.Testing;

namespace EgressInfra.Tests;

/// <summary>One mocked run of the real program with a given <c>PULUMI_CONFIG</c>, and what it registered.</summary>
internal sealed record ProgramRun(
    ImmutableArray<Resource> Resources,
    IDictionary<string, object?> Outputs,
    IReadOnlyList<MockResourceArgs> Registered,
    Mock<IMocks> Mocks)
{
    public const string ProjectName = "egress-infra";

    public static Task<ProgramRun> ShippedStackAsync(string stack) =>
        RunAsync(PulumiConfig.FromStackText(PulumiConfig.ShippedStackText(stack)), stack, TestSupport.RepoPaths.Root);

    /// <param name="projectDirectory">Where the program looks for <c>Pulumi.&lt;stack&gt;.yaml</c> (for lines); null for none.</param>
    public static async Task<ProgramRun> RunAsync(string pulumiConfig, string stack = "test", string? projectDirectory = null, FakeCluster? cluster = null)
    {
        cluster ??= FakeCluster.Healthy;
        var registered = new List<MockResourceArgs>();
        var mocks = Tests.Mocks.Recording(registered, cluster);
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", pulumiConfig);
        try
        {
            var options = new TestOptions { ProjectName = ProjectName, StackName = stack, IsPreview = false };
            var (resources, outputs) = await Deployment.TestAsync(mocks.Object, options, () => EgressProgram.RunAsync(projectDirectory, cluster));
            return new ProgramRun(resources, outputs, registered, mocks);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
        }
    }

    /// <summary>A run that must fail: its exception, and the mocks to check that nothing was registered.</summary>
    public static async Task<(RunException Error, Mock<IMocks> Mocks)> FailingAsync(string pulumiConfig, string stack = "test", string? projectDirectory = null, FakeCluster? cluster = null)
    {
        var (error, mocks, _) = await FailingWithRegisteredAsync(pulumiConfig, stack, projectDirectory, cluster);
        return (error, mocks);
    }

    /// <summary>A run that must fail, with every call that reached the engine (reads included).</summary>
    public static async Task<(RunException Error, Mock<IMocks> Mocks, IReadOnlyList<MockResourceArgs> Registered)> FailingWithRegisteredAsync(string pulumiConfig, string stack = "test", string? projectDirectory = null, FakeCluster? cluster = null)
    {
        cluster ??= FakeCluster.Healthy;
        var registered = new List<MockResourceArgs>();
        var mocks = Tests.Mocks.Recording(registered, cluster);
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", pulumiConfig);
        try
        {
            var options = new TestOptions { ProjectName = ProjectName, StackName = stack, IsPreview = false };
            var error = await Assert.ThrowsAsync<RunException>(() => Deployment.TestAsync(mocks.Object, options, () => EgressProgram.RunAsync(projectDirectory, cluster)));
            return (error, mocks, registered);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
        }
    }

    public IEnumerable<MockResourceArgs> OfType(string type) => Registered.Where(r => r.Type == type);

    /// <summary>Every Kubernetes object (not the provider) registered, as type, logical name and canonical inputs, sorted.</summary>
    public IReadOnlyList<string> KubernetesObjects() =>
        [.. Registered
            .Where(r => r.Type!.StartsWith("kubernetes:", StringComparison.Ordinal) && !Tests.Mocks.IsRead(r))
            .Select(r => $"{r.Type} {r.Name} {r.Inputs.Canonical()}")
            .Order(StringComparer.Ordinal)];

    /// <summary>Everything registered, as type, logical name and canonical inputs, sorted: what a second <c>pulumi up</c> would diff.</summary>
    public IReadOnlyList<string> Everything() =>
        [.. Registered.Where(r => !Tests.Mocks.IsRead(r)).Select(r => $"{r.Type} {r.Name} {r.Inputs.Canonical()}").Order(StringComparer.Ordinal)];
}
