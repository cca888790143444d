using System.CommandLine;
using System.Security.Cryptography;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn admin …</c>: operating a programme — rotate its CSAF or log key, back up its store
/// (through the server, staff key) and restore a backup into a data directory (offline).
/// </summary>
public static class AdminCommand
{
    public const string MasterKeyFile = "master.key";

    public static Command Create(CliContext context) =>
        new("admin", "Operate the programme: rotate its keys, back up and restore its store") { RotateKey(context), Backup(context), Restore(context) };

    private static Command RotateKey(CliContext context)
    {
        var key = new Argument<string>("key") { Description = "csaf (the OpenPGP key signing public CSAF documents) or log (the transparency log's key)" };
        key.AcceptOnlyFromAmong("csaf", "log");
        var json = Options.Json();
        var command = new Command("rotate-key", "Rotate a programme key: the new one signs from now on, the old public key stays published so what it signed still verifies (staff key)")
        {
            key, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var which = parse.GetValue(key)!;
            var done = await api.PostAsync($"admin/keys/{which}/rotate", null, ct);
            context.Show(parse.GetValue(json), done, d =>
            {
                context.Screen.Line(which == "log" ? "The log key was rotated. The log now signs with:" : "The CSAF signing key was rotated. New key fingerprint:");
                context.Screen.Line("  " + d.Text("next"));
                context.Screen.Line(which == "log"
                    ? "The old key stays listed at /log/v1/keys: checkpoints and receipts it signed still verify. Give auditors the new key."
                    : "The old key stays listed in provider-metadata.json: documents it signed still verify.");
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Backup(CliContext context)
    {
        var output = new Option<string>("--out", "-o") { Description = "The file to write the backup to", HelpName = "file", Required = true };
        var command = new Command("backup", "Save a consistent copy of the programme's store, taken while the server runs (SQLite; staff key)") { output };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var path = Path.GetFullPath(parse.GetValue(output)!);
            var headers = await api.DownloadAsync("admin/backup", path, ct);
            var expected = headers.TryGetValues("X-Forewarn-Backup-Sha256", out var values) ? values.First() : null;
            string actual;
            await using (var read = File.OpenRead(path)) actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
            if (expected is not null && expected != actual)
                throw new InputException($"the backup in {path} is damaged: its SHA-256 is {actual}, the server sent {expected}. Take it again.");
            context.Screen.Line($"Saved the store to {path} ({new FileInfo(path).Length:N0} bytes, SHA-256 {actual}).");
            context.Screen.Line("Its keys are encrypted by the programme's master key, which is not in the backup: keep a copy of the master key apart from it.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Restore(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A backup made by 'forewarn admin backup'" };
        var data = new Option<string>("--data") { Description = "The data directory to restore into (empty or new)", HelpName = "dir", Required = true };
        var master = new Option<string>("--master-key") { Description = "The programme's master key file, copied into the data directory (owner-only)", HelpName = "file" };
        var command = new Command("restore", "Restore a store backup into a data directory, for a server to start on (offline; the server must not be running there)")
        {
            file, data, master,
        };
        command.SetAction((parse, ct) => context.RunOfflineAsync(ct, async ct =>
        {
            var backup = parse.GetValue(file)!;
            var directory = Path.GetFullPath(parse.GetValue(data)!);
            var store = Path.Combine(directory, "forewarn.db");
            if (!File.Exists(backup)) throw new InputException($"{backup} does not exist.");
            if (!await IsSqliteAsync(backup, ct)) throw new InputException($"{backup} is not a Forewarn store backup (an SQLite file).");
            if (File.Exists(store)) throw new InputException($"{directory} already holds a store; restore into an empty or new data directory.");
            string? key = null;
            if (parse.GetValue(master) is { } keyFile)
            {
                key = (await Log.LogInput.FileAsync(keyFile, ct)).Trim();
                if (!IsMasterKey(key)) throw new InputException($"{keyFile} does not hold a master key (32 random bytes in base64).");
                if (File.Exists(Path.Combine(directory, MasterKeyFile)))
                    throw new InputException($"{directory} already holds a {MasterKeyFile}; restore into an empty or new data directory.");
            }
            Directory.CreateDirectory(directory);
            File.Copy(backup, store);
            if (key is not null) await WriteOwnerOnlyAsync(Path.Combine(directory, MasterKeyFile), key + "\n", ct);
            context.Screen.Line($"Restored the store into {directory}.");
            context.Screen.Line(key is not null
                ? $"The master key is in {Path.Combine(directory, MasterKeyFile)} (readable by you only)."
                : $"Give the server the programme's master key (keys:masterKeyFile, or {MasterKeyFile} in that directory): without it the store's keys cannot be opened.");
            context.Screen.Line($"Start the server with: --data {directory}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<bool> IsSqliteAsync(string path, CancellationToken ct)
    {
        var header = "SQLite format 3\0"u8.ToArray();
        var start = new byte[header.Length];
        await using var read = File.OpenRead(path);
        return await read.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, ct) == start.Length && start.AsSpan().SequenceEqual(header);
    }

    private static bool IsMasterKey(string text)
    {
        try
        {
            return Convert.FromBase64String(text).Length == 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static async Task WriteOwnerOnlyAsync(string path, string text, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), ct);
    }
}
