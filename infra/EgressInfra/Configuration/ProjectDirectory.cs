using EgressInfra.Core.Sources;
using EgressInfra.Files;

namespace EgressInfra.Configuration;

/// <summary>
/// Finds the Pulumi project (the folder holding <c>Pulumi.yaml</c>) and reads the running stack's
/// file from it. Pulumi hands the program its config as JSON without lines; the file supplies them.
/// </summary>
internal static class ProjectDirectory
{
    /// <summary>The nearest folder at or above <paramref name="start"/> holding <c>Pulumi.yaml</c>; Pulumi runs the program from <c>main:</c>, below it.</summary>
    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// The project's keys of <c>Pulumi.&lt;stack&gt;.yaml</c> with their lines, or null when there is no
    /// readable file: lines are a help to the reader, never a reason to fail.
    /// </summary>
    public static MappingNode? ReadStackConfig(string? projectDirectory, string projectName, string stackName)
    {
        if (projectDirectory is null)
        {
            return null;
        }

        var fileName = $"Pulumi.{stackName}.yaml";
        var path = Path.Combine(projectDirectory, fileName);
        try
        {
            // Read by the shared rules: a FIFO in its place is not waited on, and the size is bounded.
            var text = BoundedText.ReadFile(path, new ReadBudget(ReadBudget.DefaultBytes, ProjectFragments.RaiseHint), "a stack file");
            return StackFile.Parse(text, fileName, projectName).ProjectConfig;
        }
        catch (UnreadableInputException)
        {
            return null;
        }
    }
}
