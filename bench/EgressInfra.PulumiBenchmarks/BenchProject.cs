using EgressInfra.Benchmarks;
using System.Text;
using System.Text.Json;
using EgressInfra.Core.Sources;
using Pulumi;
using Pulumi.Testing;

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
        return new BenchProject(directory, ConfigJson(project.Name, keys), PlainRegistrations.For(stackText, project.Name));
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

    /// <summary>As the CLI passes config: every key under the project's name, objects and lists as JSON text.</summary>
    private static string ConfigJson(string projectName, MappingNode keys)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in keys.Entries)
            {
                writer.WriteString($"{projectName}:{key.Text}", value is ScalarNode scalar ? scalar.Text : Json(value));
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Json(ConfigNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, ConfigNode node)
    {
        switch (node)
        {
            case MappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Entries)
                {
                    writer.WritePropertyName(key.Text);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case SequenceNode seq:
                writer.WriteStartArray();
                foreach (var item in seq.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ScalarNode { Kind: ScalarKind.Integer } n:
                writer.WriteRawValue(n.Text);
                break;
            case ScalarNode { Kind: ScalarKind.Boolean } b:
                writer.WriteBooleanValue(b.Text.Equals("true", StringComparison.OrdinalIgnoreCase));
                break;
            case ScalarNode s:
                writer.WriteStringValue(s.Text);
                break;
        }
    }
}
