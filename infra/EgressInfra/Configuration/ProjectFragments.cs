using EgressInfra.Core.Fragments;
using EgressInfra.Files;

namespace EgressInfra.Configuration;

/// <summary>
/// The program's view of the project directory for the Core: the fragments under egress.include, read
/// by the reader egressctl uses (EgressInfra.Files), so that a fragment <c>check</c> accepts is the
/// fragment <c>pulumi up</c> deploys, and a FIFO named as a fragment is refused rather than waited on.
/// </summary>
internal static class ProjectFragments
{
    /// <summary>The program has no command line: a run that reads more than this is refused with the reason.</summary>
    public const string RaiseHint = "no stack's fragments are that large; check the egress.include patterns, or split the stack";

    /// <summary>Fragments listed and read under <paramref name="projectDirectory"/>, all within one byte budget; findings name them by project path.</summary>
    public static IProjectFiles Open(string projectDirectory) =>
        new ProjectDirectoryFiles(projectDirectory, new ReadBudget(ReadBudget.DefaultBytes, RaiseHint));
}
