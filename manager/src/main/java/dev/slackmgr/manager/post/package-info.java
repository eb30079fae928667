/** Pure Block Kit rendering of issue posts (slack-interactions.md §8). */
package dev.slackmgr.manager.post;
