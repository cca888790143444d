using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeSpan>(
                name: "ReviewEvery",
                table: "tiers",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeSpan(365, 0, 0, 0, 0));

            migrationBuilder.AddColumn<long>(
                name: "ReviewedAt",
                table: "partners",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReviewEvery",
                table: "tiers");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "partners");
        }
    }
}
