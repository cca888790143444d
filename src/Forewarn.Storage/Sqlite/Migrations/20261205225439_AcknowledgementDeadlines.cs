using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AcknowledgementDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeSpan>(
                name: "AcknowledgeWithin",
                table: "tiers",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeSpan(2, 0, 0, 0, 0));

            migrationBuilder.CreateTable(
                name: "acknowledgement_reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdvisoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acknowledgement_reminders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_acknowledgement_reminders_PartnerId_AdvisoryId",
                table: "acknowledgement_reminders",
                columns: new[] { "PartnerId", "AdvisoryId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acknowledgement_reminders");

            migrationBuilder.DropColumn(
                name: "AcknowledgeWithin",
                table: "tiers");
        }
    }
}
