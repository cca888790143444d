using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Forewarn.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TransparencyLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Access decisions now live in the transparency log. Records made before it are kept,
            // untouched, under a name that says so — nothing is lost on upgrade.
            migrationBuilder.RenameTable(name: "access_records", newName: "access_records_before_log");

            migrationBuilder.CreateTable(
                name: "log_checkpoints",
                columns: table => new
                {
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Root = table.Column<byte[]>(type: "bytea", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_checkpoints", x => x.Size);
                });

            migrationBuilder.CreateTable(
                name: "log_entries",
                columns: table => new
                {
                    Index = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ArtifactId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_entries", x => x.Index);
                });

            migrationBuilder.CreateTable(
                name: "log_nodes",
                columns: table => new
                {
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_nodes", x => new { x.Level, x.Index });
                });

            migrationBuilder.CreateTable(
                name: "log_pending",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ArtifactId = table.Column<Guid>(type: "uuid", nullable: true),
                    Body = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_log_pending", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_log_entries_ArtifactId_Kind",
                table: "log_entries",
                columns: new[] { "ArtifactId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_log_entries_PartnerId_Index",
                table: "log_entries",
                columns: new[] { "PartnerId", "Index" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "log_checkpoints");

            migrationBuilder.DropTable(
                name: "log_entries");

            migrationBuilder.DropTable(
                name: "log_nodes");

            migrationBuilder.DropTable(
                name: "log_pending");

            migrationBuilder.RenameTable(name: "access_records_before_log", newName: "access_records");
        }
    }
}
