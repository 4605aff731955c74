using EgressInfra.Core.Config.Binding;
using EgressInfra.Core.Fragments;
using EgressInfra.Core.Sources;
using EgressInfra.Files;

namespace EgressInfra.Cli.Input;

/// <summary>A stack file chosen on the command line, located and read, with its project's Pulumi.yaml.</summary>
public sealed record StackSource(string DisplayPath, string Text, ProjectFile Project, string ProjectDirectory = ".")
{
    /// <summary>What is left of the run's byte budget once the stack file was read: its fragments take from it too.</summary>
    public InputText.Budget? Budget { get; init; }

    public static StackSource Resolve(string? stack, string? file, string? projectDir, InputText.Budget? budget = null)
    {
        budget ??= new InputText.Budget(InputLimit.DefaultBytes);
        if (stack is not null && file is not null)
        {
            throw new UsageException("give either --stack or --file, not both");
        }

        var dir = projectDir ?? ".";
        if (!Directory.Exists(dir))
        {
            throw new UsageException(File.Exists(dir)
                ? $"--project-dir '{dir}' is a file; give the directory holding Pulumi.yaml"
                : $"project directory '{dir}' does not exist");
        }

        string path;
        if (stack is not null)
        {
            if (stack.Length == 0 || stack.IndexOfAny(['/', '\\', '\0']) >= 0)
            {
                throw new UsageException($"'{stack}' is not a stack name");
            }

            path = Path.Combine(dir, $"Pulumi.{stack}.yaml");
            if (NativeStat.Of(path).Kind == FileKind.Missing)
            {
                throw new UsageException($"no stack file {path}. {StackFinder.WhereLooked(dir, projectDir is null, stack)}");
            }
        }
        else if (file is not null)
        {
            path = file;
        }
        else
        {
            throw new UsageException($"name a stack with --stack NAME or a file with --file PATH. {StackFinder.WhereLooked(dir, projectDir is null, null)}");
        }

        return new StackSource(Display(path), ReadText(path, budget, "a stack file"), ReadProject(dir, budget), dir) { Budget = budget };
    }

    /// <summary>The stack file with its fragments (egress.include) read from the project directory by the reader the Pulumi program uses too.</summary>
    public StackDocument Parse() =>
        FragmentResolver.Resolve(
            StackFile.Parse(Text, DisplayPath, Project.Name, Project.Defaults),
            new ProjectDirectoryFiles(ProjectDirectory, Budget ?? new InputText.Budget(InputLimit.DefaultBytes), FromWorkingDirectory));

    /// <summary>A fragment as the user reaches it from where egressctl runs; its full path when that is outside.</summary>
    private static string FromWorkingDirectory(string full)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative;
    }

    /// <summary>Reads a stack file or Pulumi.yaml within the default input limit.</summary>
    public static string ReadText(string path) => ReadText(path, new InputText.Budget(InputLimit.DefaultBytes), "a YAML file");

    public static string ReadText(string path, InputText.Budget budget, string what) => InputText.ReadFile(path, budget, what);

    private static ProjectFile ReadProject(string dir, InputText.Budget budget)
    {
        var path = Path.Combine(dir, "Pulumi.yaml");
        return File.Exists(path) ? ProjectFile.Parse(ReadText(path, budget, "Pulumi.yaml"), Display(path)) : ProjectFile.Default;
    }

    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    /// <summary>Helps a person who ran egressctl outside the project: which stacks are where it looked, and nearby.</summary>
    internal static class StackFinder
    {
        public static string WhereLooked(string dir, bool defaulted, string? wanted)
        {
            var here = StacksIn(dir);
            var full = Path.GetFullPath(dir);
            if (here.Count > 0)
            {
                var suggestion = wanted is null ? null : KeySuggester.Suggest(wanted, here);
                var mean = suggestion is null ? string.Empty : $"did you mean '{suggestion}'? ";
                return $"{mean}Stacks in {full}: {string.Join(", ", here)}.";
            }

            var nearby = Nearby(full).Select(d => $"{Path.GetRelativePath(full, d)} ({string.Join(", ", StacksIn(d))})").ToList();
            var elsewhere = nearby.Count == 0 ? string.Empty : $" Stacks found in {string.Join("; ", nearby)}.";
            var how = defaulted ? "run egressctl in the project directory or pass --project-dir DIR" : "pass the directory holding Pulumi.yaml as --project-dir";
            return $"{full} holds no Pulumi.<stack>.yaml files: {how}.{elsewhere}";
        }

        /// <summary>Parents up to the root and direct children: where a project next to the working directory would be.</summary>
        private static IEnumerable<string> Nearby(string full)
        {
            var candidates = new List<string>();
            for (var parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
            {
                candidates.Add(parent);
            }

            try
            {
                candidates.AddRange(Directory.EnumerateDirectories(full).Order(StringComparer.Ordinal).Take(200));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An unreadable directory has no stacks to offer.
            }

            return candidates.Where(d => StacksIn(d).Count > 0).Take(3);
        }

        public static IReadOnlyList<string> StacksIn(string dir)
        {
            try
            {
                return [.. Directory.EnumerateFiles(dir, "Pulumi.*.yaml")
                    .Select(f => Path.GetFileName(f)["Pulumi.".Length..^".yaml".Length])
                    .Where(n => n.Length > 0)
                    .Order(StringComparer.Ordinal)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return [];
            }
        }
    }
}
