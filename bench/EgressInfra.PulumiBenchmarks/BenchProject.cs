using EgressInfra.Benchmarks;
using EgressInfra.Core.Sources;
using Pulumi;
using Pulumi.Testing;
using EgressInfra.TestSupport;

namespace EgressInfra.PulumiBenchmarks;

/// <summary>
/// A Pulumi project in a temporary folder (this repository's <c>Pulumi.yaml</c> and a generated stack
/// file), and the <c>PULUMI_CONFIG</c> the Pulumi CLI would hand the program for it.
/// </summary>
internal sealed class BenchProject : IDisposable
{
    public const string Stack = "bench";

    private BenchProject(string directory, string pulumiConfig, PlainRegistrations plain)
    {
        Directory = directory;
        PulumiConfig = pulumiConfig;
        Plain = plain;
    }

    public string Directory { get; }

    public string PulumiConfig { get; }

    /// <summary>The floors: the stack's objects as plain registrations, prepared outside any measurement.</summary>
    public PlainRegistrations Plain { get; }

    public static TestOptions Options => new() { ProjectName = "egress-infra", StackName = Stack, IsPreview = false };

    public static BenchProject Create(int services)
    {
        var projectText = File.ReadAllText(Path.Combine(RepositoryRoot(), "Pulumi.yaml"));
        var project = ProjectFile.Parse(projectText, "Pulumi.yaml");
        var stackText = StackGenerator.Generate(services);
        var directory = Path.Combine(Path.GetTempPath(), $"egress-pulumi-bench-{Environment.ProcessId}-{services}");
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Pulumi.yaml"), projectText);
        File.WriteAllText(Path.Combine(directory, $"Pulumi.{Stack}.yaml"), stackText);
        var keys = StackFile.Parse(stackText, $"Pulumi.{Stack}.yaml", project.Name, project.Defaults).ProjectConfig
            ?? throw new InvalidOperationException("the generated stack did not parse");
        return new BenchProject(directory, PulumiConfigJson.FromKeys(project.Name, keys), PlainRegistrations.For(stackText, project.Name));
    }

    /// <summary>Runs <paramref name="run"/> under the mocks with this project's config in the environment.</summary>
    public async Task<int> TestAsync(Func<Task<IDictionary<string, object?>>> run)
    {
        var mocks = new CountingMocks();
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", PulumiConfig);
        try
        {
            await Deployment.TestAsync(mocks, Options, run).ConfigureAwait(false);
            return mocks.Registered;
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && File.Exists(Path.Combine(dir.FullName, "EgressInfra.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository: Pulumi.yaml not found above " + AppContext.BaseDirectory);
    }
}
