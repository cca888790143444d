using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DetectionFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "detection_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdvisoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArtifactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_detection_feedback", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_detection_feedback_ArtifactId_At",
                table: "detection_feedback",
                columns: new[] { "ArtifactId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_detection_feedback_PartnerId_At",
                table: "detection_feedback",
                columns: new[] { "PartnerId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "detection_feedback");
        }
    }
}
