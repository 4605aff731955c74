namespace EgressInfra.Cli.Tests.Commands;

/// <summary>The bad inputs every reading verb must turn into exit 2 and one message: each verb's tests run them.</summary>
internal static class AdoptionVerbInputs
{
    public static string Dir() => Directory.CreateTempSubdirectory("egressctl-adopt-").FullName;

    /// <summary>A FIFO in a fresh folder, or null where the OS cannot make one.</summary>
    public static string? Fifo(string name)
    {
        var path = Path.Combine(Dir(), name);
        return Input.SpecialFiles.TryMakeFifo(path) ? path : null;
    }

    public static string Binary(string name)
    {
        var path = Path.Combine(Dir(), name);
        File.WriteAllBytes(path, [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0xff, 0xfe, 0x00]);
        return path;
    }

    public static string Missing(string name) => Path.Combine(Dir(), name);

    /// <summary>Runs egressctl with a deadline, so that a FIFO that were opened fails the test instead of hanging it.</summary>
    public static (int Exit, string Out, string Err) Run(params string[] args) => Input.SpecialFiles.RunWithin(args);
}
