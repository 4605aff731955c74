namespace EgressInfra.Cli.Tests;

/// <summary>Runs egressctl in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args) => RunWith(null, args);

    /// <summary>Runs egressctl with its clock stopped on <paramref name="date"/> (YYYY-MM-DD).</summary>
    public static (int Exit, string Out, string Err) RunOn(string date, params string[] args) =>
        RunWith(TestSupport.FixedClock.On(date), args);

    private static (int Exit, string Out, string Err) RunWith(TimeProvider? time, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = EgressCtl.Run(args, stdout, stderr, time);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs egressctl with <paramref name="stdin"/> as its standard input (what '-' reads).</summary>
    public static (int Exit, string Out, string Err) RunWithInput(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var exit = EgressCtl.Run(args, new CliContext(stdout, stderr) { In = input });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static string TempFile(string content, string name = "Pulumi.test.yaml")
    {
        var dir = Directory.CreateTempSubdirectory("egressctl-test-");
        var path = Path.Combine(dir.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
