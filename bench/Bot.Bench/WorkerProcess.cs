using System.Diagnostics;

namespace Bot.Bench;

/// <summary>The worker as a process of its own (its CPU and memory read from /proc), its output drained so a full pipe never blocks it.</summary>
internal static class WorkerProcess
{
    public static Process Start(ProcessStartInfo info, IEnumerable<string> args)
    {
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
