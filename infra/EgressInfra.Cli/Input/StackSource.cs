using EgressInfra.Core.Fragments;
using EgressInfra.Core.Sources;

namespace EgressInfra.Cli.Input;

/// <summary>A stack file chosen on the command line, located and read, with its project's Pulumi.yaml.</summary>
public sealed record StackSource(string DisplayPath, string Text, ProjectFile Project, string ProjectDirectory = ".")
{
    public static StackSource Resolve(string? stack, string? file, string? projectDir)
    {
        if (stack is not null && file is not null)
        {
            throw new UsageException("give either --stack or --file, not both");
        }

        var dir = projectDir ?? ".";
        if (!Directory.Exists(dir))
        {
            throw new UsageException($"project directory '{dir}' does not exist");
        }

        string path;
        if (stack is not null)
        {
            if (stack.Length == 0 || stack.IndexOfAny(['/', '\\']) >= 0)
            {
                throw new UsageException($"'{stack}' is not a stack name");
            }

            path = Path.Combine(dir, $"Pulumi.{stack}.yaml");
            if (!System.IO.File.Exists(path))
            {
                var known = Directory.EnumerateFiles(dir, "Pulumi.*.yaml")
                    .Select(f => Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length])
                    .Order(StringComparer.Ordinal);
                throw new UsageException($"no stack file {path} (stacks here: {string.Join(", ", known)})");
            }
        }
        else if (file is not null)
        {
            path = file;
        }
        else
        {
            throw new UsageException("name a stack with --stack NAME or a file with --file PATH");
        }

        return new StackSource(Display(path), ReadText(path), ReadProject(dir), dir);
    }

    /// <summary>The stack file with its fragments (egress.include) read from the project directory.</summary>
    public StackDocument Parse() =>
        FragmentResolver.Resolve(StackFile.Parse(Text, DisplayPath, Project.Name, Project.Defaults), new ProjectDirectoryFiles(ProjectDirectory));

    /// <summary>Stack files are small; anything this large is a mistake or an attack, not configuration.</summary>
    public const long MaxFileBytes = 8 * 1024 * 1024;

    public static string ReadText(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxFileBytes)
            {
                throw new UsageException($"{path} is {info.Length / (1024 * 1024)} MiB; stack files and manifests are limited to {MaxFileBytes / (1024 * 1024)} MiB");
            }

            bytes = System.IO.File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"cannot read {path}: {ex.Message}");
        }

        return Decode(bytes, path);
    }

    /// <summary>Decodes UTF-8 strictly: a binary or mis-encoded file is reported, not half-read.</summary>
    public static string Decode(byte[] bytes, string path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new UsageException($"{path} is a binary file (it contains NUL bytes), not YAML text");
        }

        try
        {
            var text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new UsageException($"{path} is not UTF-8 text");
        }
    }

    private static ProjectFile ReadProject(string dir)
    {
        var path = Path.Combine(dir, "Pulumi.yaml");
        return System.IO.File.Exists(path) ? ProjectFile.Parse(ReadText(path), Display(path)) : ProjectFile.Default;
    }

    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
