using System.CommandLine;
using System.CommandLine.Invocation;
using Forewarn.Cli.Commands;
using Forewarn.Cli.Commands.Log;

namespace Forewarn.Cli;

/// <summary>The <c>forewarn</c> command line, callable in-process with its own writers and HTTP handler.</summary>
public static class CliApp
{
    /// <summary>
    /// Parses and runs one command line. Exit codes: 0 success; 1 refused by the server, invalid
    /// input or server unreachable; 2 usage error; 3 a log, receipt or proof that does not verify.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        IReadOnlyDictionary<string, string?> environment,
        HttpMessageHandler? handler = null,
        CancellationToken ct = default)
    {
        var context = new CliContext(stdout, stderr, environment, handler);
        var root = BuildRoot(context);
        var parse = root.Parse(args);

        if (parse.Action is ParseErrorAction)
        {
            var path = string.Join(' ', CommandPath(parse.CommandResult.Command, root));
            foreach (var message in UsageErrors(parse, path)) context.Fail(message);
            stderr.WriteLine($"Run '{path} --help' for usage.");
            stderr.Flush();
            return ExitCodes.Usage;
        }

        try
        {
            var exit = await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            }, ct);
            return exit;
        }
        catch (Exception e)
        {
            // A bug of ours or a surprise from the server; say what, not where.
            context.Fail($"{e.GetType().Name}: {e.Message}");
            return ExitCodes.Refused;
        }
        finally
        {
            stdout.Flush();
            stderr.Flush();
        }
    }

    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("forewarn — run a vulnerability early-warning program from the command line.")
        {
            context.ServerOption,
        };
        root.Add(PartnersCommand.Create(context));
        root.Add(TiersCommand.Create(context));
        root.Add(JurisdictionsCommand.Create(context));
        root.Add(PolicyCommand.Create(context));
        root.Add(AdvisoriesCommand.Create(context));
        root.Add(AccessRecordsCommand.Create(context));
        root.Add(FeedbackCommand.Create(context));
        root.Add(KeysCommand.Create(context));
        root.Add(StaffCommand.Create(context));
        root.Add(InvitationsCommand.Create(context));
        root.Add(PortalUsersCommand.Create(context));
        root.Add(ApprovalsCommand.Create(context));
        root.Add(MeCommand.Create(context));
        root.Add(CsafCommand.Create(context));
        root.Add(DeliveriesCommand.Create(context));
        root.Add(ExposureCommand.Create(context));
        root.Add(SignalsCommand.Create(context));
        root.Add(ReviewCommand.Create(context));
        root.Add(TraceCommand.Create(context));
        root.Add(SightingsCommand.Create(context));
        root.Add(CasesCommand.Create(context));
        root.Add(LogCommand.Create(context));
        root.Add(AdminCommand.Create(context));
        return root;
    }

    /// <summary>
    /// The parser's errors, except that a mistyped command is one error, not two: System.CommandLine
    /// reports both "required command was not provided" and the unrecognized word.
    /// </summary>
    private static IEnumerable<string> UsageErrors(ParseResult parse, string path)
    {
        var command = parse.CommandResult.Command;
        if (command.Subcommands.Count == 0 || parse.UnmatchedTokens.Count == 0)
            return parse.Errors.Select(e => e.Message);
        var names = string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
        var token = parse.UnmatchedTokens[0];
        var what = token.StartsWith('-') ? "an option" : "a command";
        return [$"'{token}' is not {what} of '{path}'; its commands are {names}."];
    }

    private static IEnumerable<string> CommandPath(Command command, RootCommand root)
    {
        var names = new Stack<string>();
        for (Command? c = command; c is not null && c != root; c = c.Parents.OfType<Command>().FirstOrDefault())
            names.Push(c.Name);
        names.Push("forewarn");
        return names;
    }
}
